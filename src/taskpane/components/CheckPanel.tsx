import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Framework } from "../../core/catalogue";
import { detectPlanIdentity } from "../../core/plan/identity";
import { analyseTables, identityTexts } from "../../core/plan/session";
import type { SchoolLevel } from "../../core/schoolLevel";
import {
  check,
  countBySeverity,
  findingKey,
  isDismissed,
  legacyFindingKey,
} from "../../core/validation/check";
import { groupFindings, placeInWords, type FindingGroup } from "../../core/validation/groups";
import type { AnalysedTable } from "../../core/plan/session";
import type { Finding, Severity } from "../../core/validation/types";
import type { CheckHost } from "../../hosts/adapter";
import { useDocumentVersion } from "../hooks/useDocumentVersion";
import { errorMessage } from "../errors";
import { useLatestRun } from "../hooks/useLatestRun";
import { LocaleContext, useStrings, useStringsRef } from "../hooks/useStrings";
import { findingText, whereIn } from "../../core/messages";
import { ActionResult } from "./ActionResult";
import { format, type StringKey } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  group: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  changes: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "12rem",
    overflowY: "auto",
  },
});

const SEVERITY_LABEL: Readonly<Record<Severity, StringKey>> = {
  error: "severityError",
  warning: "severityWarning",
  hint: "severityHint",
};
const SEVERITY_COLOR: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  hint: "informative",
};

export interface CheckPanelProps {
  readonly framework: Framework;
  readonly level: SchoolLevel;
  /** null outside Office. */
  readonly host: CheckHost | null;
  /**
   * A file has no selection to move: "Đến chỗ này" shows the place in the panel instead (the
   * table's rows around it, the row marked; or the paragraph), read-only.
   */
  readonly viewPlaces?: boolean;
}

/** "Kiểm tra": the findings of the whole document, grouped by severity, with their place and fix. */
export function CheckPanel({
  framework,
  level,
  host,
  viewPlaces = false,
}: CheckPanelProps): React.JSX.Element {
  const s = useStrings();
  const locale = React.useContext(LocaleContext);
  const strings = useStringsRef();
  const styles = useStyles();
  const [all, setAll] = React.useState<readonly Finding[] | null>(null);
  const [tables, setTables] = React.useState<readonly AnalysedTable[]>([]);
  const [paragraphs, setParagraphs] = React.useState<readonly string[]>([]);
  /** The finding whose place is shown (file mode). */
  const [shown, setShown] = React.useState<number | null>(null);
  /** The group whose "Sửa tất cả" preview is open. */
  const [groupPreview, setGroupPreview] = React.useState<string | null>(null);
  const [dismissed, setDismissed] = React.useState<ReadonlySet<string>>(new Set());
  const [running, setRunning] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const [preview, setPreview] = React.useState<number | null>(null);
  const version = useDocumentVersion();

  const begin = useLatestRun();
  const run = React.useCallback(async () => {
    if (!host) return;
    const current = begin();
    setRunning(true);
    setError(null);
    try {
      const content = await host.readDocument();
      if (!current()) return;
      const tables = analyseTables(content.tables, framework);
      const identity = detectPlanIdentity(identityTexts(content.paragraphs, content.tables));
      setAll(check({ framework, level, identity, paragraphs: content.paragraphs, tables }));
      setTables(tables);
      setParagraphs(content.paragraphs);
      setShown(null);
      setDismissed(new Set(content.dismissed));
      setPreview(null);
      setGroupPreview(null);
    } catch (e) {
      if (current())
        setError(format(strings.current.checkError, { message: errorMessage(e, strings.current) }));
    } finally {
      if (current()) setRunning(false);
    }
  }, [host, framework, level, strings, begin]);

  // Read again after the document changed (`version`).
  React.useEffect(() => {
    void run();
  }, [run, version]);

  if (!host) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{s.checkNeedsOffice}</MessageBarBody>
      </MessageBar>
    );
  }

  const apply = async (finding: Finding) => {
    if (!finding.fix) return;
    try {
      const result = await host.applyEdits(finding.fix);
      setMessage(
        `${format(s.fixDone, { written: String(result.written) })}${result.skipped ? ` ${format(s.fixSkipped, { skipped: String(result.skipped) })}` : ""}`
      );
      await run();
    } catch (e) {
      setError(format(s.checkError, { message: errorMessage(e, s) }));
    }
  };

  /** All fixes of a group in one write, after one preview. */
  const applyGroup = async (group: FindingGroup) => {
    try {
      const result = await host.applyEdits(group.fixes);
      setMessage(
        `${format(s.fixDone, { written: String(result.written) })}${result.skipped ? ` ${format(s.fixSkipped, { skipped: String(result.skipped) })}` : ""}`
      );
      await run();
    } catch (e) {
      setError(format(s.checkError, { message: errorMessage(e, s) }));
    }
  };

  const dismiss = async (finding: Finding, on: boolean) => {
    try {
      await host.setDismissed(
        findingKey(finding),
        on,
        `${finding.rule}: ${finding.message}`.slice(0, 255)
      );
      // Restored: the key it was dismissed under before goes too.
      if (!on && dismissed.has(legacyFindingKey(finding)))
        await host.setDismissed(legacyFindingKey(finding), false, "");
      await run();
    } catch (e) {
      setError(format(s.checkError, { message: errorMessage(e, s) }));
    }
  };

  const findings = all ? all.filter((f) => !isDismissed(f, dismissed)) : null;
  const hidden = all ? all.filter((f) => isDismissed(f, dismissed)) : [];
  const counts = findings ? countBySeverity(findings) : null;
  const attach = async () => {
    if (!host.attachComments || !findings) return;
    try {
      const result = await host.attachComments(
        findings.map((f) => ({
          location: f.location,
          text: `KHCT – ${s[SEVERITY_LABEL[f.severity]]}: ${f.message}`,
        }))
      );
      setMessage(
        format(s.commentsAdded, { added: String(result.added), skipped: String(result.skipped) })
      );
    } catch (e) {
      setError(format(s.checkError, { message: errorMessage(e, s) }));
    }
  };
  const renderFinding = ([finding, i]: readonly [Finding, number]) => (
    <article key={i} className={styles.finding}>
      <div className={styles.line}>
        <Badge size="small" appearance="tint" color={SEVERITY_COLOR[finding.severity]}>
          {s[SEVERITY_LABEL[finding.severity]]}
        </Badge>
        <Body1>{findingText(finding, locale)}</Body1>
      </div>
      {placeInWords(finding, tables, locale) && (
        <Caption1 className={styles.muted}>{placeInWords(finding, tables, locale)}</Caption1>
      )}
      <div className={styles.line}>
        {(finding.location.table !== undefined || finding.location.paragraph !== undefined) && (
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={viewPlaces ? shown === i : undefined}
            onClick={() =>
              viewPlaces
                ? setShown(shown === i ? null : i)
                : void host
                    .select(finding.location)
                    .catch((e: unknown) =>
                      setError(format(s.goToError, { message: errorMessage(e, s) }))
                    )
            }
          >
            {s.findingGo}
          </Button>
        )}
        {finding.fix && preview !== i && (
          <Button size="small" onClick={() => setPreview(i)}>
            {s.findingFix}
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={() => void dismiss(finding, true)}>
          {s.findingDismiss}
        </Button>
      </div>
      {viewPlaces && shown === i && (
        <PlaceView finding={finding} tables={tables} paragraphs={paragraphs} />
      )}
      {finding.fix && preview === i && (
        <div className={styles.line}>
          <Caption1>
            {finding.fix
              .map((edit) =>
                format(s.findingFixPreview, {
                  from: edit.expected.replace(/\s+/g, " ").trim(),
                  to: edit.text,
                })
              )
              .join(" ")}
          </Caption1>
          <Button size="small" appearance="primary" onClick={() => void apply(finding)}>
            {s.findingApply}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setPreview(null)}>
            {s.findingCancel}
          </Button>
        </div>
      )}
    </article>
  );
  return (
    <div className={styles.root}>
      <div className={styles.line}>
        <Button size="small" disabled={running} onClick={() => void run()}>
          {running ? s.checkRunning : s.checkRun}
        </Button>
        {host.attachComments && findings && findings.length > 0 && (
          <Button size="small" disabled={running} onClick={() => void attach()}>
            {s.commentsAttach}
          </Button>
        )}
        {running && <Spinner size="tiny" />}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {message && <ActionResult intent="success" text={message} />}
      {counts && (
        <Caption1 role="status">
          {findings?.length === 0
            ? s.checkClean
            : format(s.checkSummary, {
                errors: String(counts.error),
                warnings: String(counts.warning),
                hints: String(counts.hint),
              })}
        </Caption1>
      )}
      {(["error", "warning", "hint"] as const).map((severity) => {
        const group = (findings ?? [])
          .map((f, i) => [f, i] as const)
          .filter(([f]) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-label={`${s[SEVERITY_LABEL[severity]]} (${group.length})`}>
            {groupFindings(group.map(([f]) => f)).map((g) => {
              const items = group.filter(([f]) => g.findings.includes(f));
              if (items.length === 1) return renderFinding(items[0] as readonly [Finding, number]);
              return (
                <details key={g.key} className={styles.group}>
                  <summary>
                    <Badge size="small" appearance="tint" color={SEVERITY_COLOR[severity]}>
                      {s[SEVERITY_LABEL[severity]]}
                    </Badge>{" "}
                    {format(s.findingGroup, {
                      message: g.findings[0] ? findingText(g.findings[0], locale) : "",
                      count: String(g.findings.length),
                    })}
                  </summary>
                  {g.fixes.length > 0 && (
                    <div className={styles.line}>
                      {groupPreview === g.key ? (
                        <>
                          <Caption1>
                            {format(s.findingGroupPreview, { count: String(g.fixes.length) })}
                          </Caption1>
                          <Button
                            size="small"
                            appearance="primary"
                            onClick={() => void applyGroup(g)}
                          >
                            {s.findingApply}
                          </Button>
                          <Button
                            size="small"
                            appearance="subtle"
                            onClick={() => setGroupPreview(null)}
                          >
                            {s.findingCancel}
                          </Button>
                        </>
                      ) : (
                        <Button size="small" onClick={() => setGroupPreview(g.key)}>
                          {format(s.findingFixAll, { count: String(g.fixes.length) })}
                        </Button>
                      )}
                    </div>
                  )}
                  {groupPreview === g.key && (
                    <ul className={styles.changes}>
                      {g.fixes.slice(0, 200).map((edit, k) => (
                        <li key={k}>
                          <Caption1>
                            {format(s.findingFixPreview, {
                              from: edit.expected.replace(/\s+/g, " ").trim(),
                              to: edit.text,
                            })}
                          </Caption1>
                        </li>
                      ))}
                    </ul>
                  )}
                  {items.map(renderFinding)}
                </details>
              );
            })}
          </section>
        );
      })}
      {hidden.length > 0 && (
        <section aria-label={format(s.dismissedHeading, { count: String(hidden.length) })}>
          <Caption1 className={styles.muted}>
            {format(s.dismissedHeading, { count: String(hidden.length) })}
          </Caption1>
          {hidden.map((finding) => (
            <div key={findingKey(finding)} className={styles.line}>
              <Caption1 className={styles.muted}>{findingText(finding, locale)}</Caption1>
              <Button size="small" appearance="subtle" onClick={() => void dismiss(finding, false)}>
                {s.findingRestore}
              </Button>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

/**
 * A finding's place, read-only, where there is no document selection to move (a file): the rows
 * of its table around it with its row (and cell) marked, or its paragraph.
 */
function PlaceView({
  finding,
  tables,
  paragraphs,
}: {
  readonly finding: Finding;
  readonly tables: readonly AnalysedTable[];
  readonly paragraphs: readonly string[];
}): React.JSX.Element | null {
  const s = useStrings();
  const locale = React.useContext(LocaleContext);
  const styles = usePlaceStyles();
  const { table: key, row, column, paragraph } = finding.location;
  if (key === undefined) {
    const text = paragraph !== undefined ? paragraphs[paragraph] : undefined;
    return text === undefined ? null : (
      <blockquote className={styles.quote} aria-label={s.placeView}>
        {text}
      </blockquote>
    );
  }
  const table = tables.find((t) => t.key === key);
  if (!table) return null;
  const at = row ?? 0;
  const header = table.header.ok
    ? table.header.match.headerStart + table.header.match.headerRows
    : 1;
  const first = Math.max(header, at - 2);
  const shownRows = [
    ...Array.from({ length: Math.min(header, table.grid.rowCount) }, (_, r) => r),
    ...Array.from(
      { length: Math.max(0, Math.min(table.grid.rowCount, at + 3) - first) },
      (_, k) => first + k
    ),
  ];
  return (
    <div className={styles.wrap}>
      <table
        className={styles.table}
        aria-label={`${s.placeView}: ${whereIn(table.where, locale)}`}
      >
        <tbody>
          {[...new Set(shownRows)].map((r) => (
            <tr
              key={r}
              className={r === at ? styles.current : undefined}
              aria-current={r === at ? "true" : undefined}
            >
              {(table.grid.cells[r] ?? []).map((cell, c) =>
                // One cell per merge in the row; a merge from a row above shows empty.
                cell.origin.col === c ? (
                  <td
                    key={c}
                    className={r === at && c === column ? styles.cell : undefined}
                    colSpan={
                      (table.grid.cells[r] ?? []).filter(
                        (x) => x.origin.row === cell.origin.row && x.origin.col === c
                      ).length
                    }
                  >
                    {cell.origin.row === r ? cell.text : ""}
                  </td>
                ) : null
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const usePlaceStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: tokens.spacingHorizontalXXS,
      verticalAlign: "top",
    },
  },
  current: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  cell: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}` },
  quote: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
});
