import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Framework } from "../../core/catalogue";
import { detectPlanIdentity } from "../../core/plan/identity";
import { analyseTables, identityTexts } from "../../core/plan/session";
import type { ProgressStatus } from "../../core/tracking/progress";
import {
  monitoringReport,
  myRows,
  reportRows,
  trackedRows,
  viDate,
  type TrackedRow,
} from "../../core/tracking/report";
import { ROLES, staffList, staffOf, withRole } from "../../core/tracking/staff";
import { reviewPatch, reviewTime, reviewValues } from "../../core/tracking/monitoring";
import type { SchoolYear } from "../../core/text/schoolYear";
import { formatDong } from "../../core/text/money";
import type { CheckHost, PlanTableHost } from "../../hosts/adapter";
import { useDocumentVersion } from "../hooks/useDocumentVersion";
import { errorMessage } from "../errors";
import { useLatestRun } from "../hooks/useLatestRun";
import { useStrings, useStringsRef } from "../hooks/useStrings";
import { ActionResult } from "./ActionResult";
import { usePaneState } from "../paneStore";
import { format } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
  },
});

/** Who the user is: remembered on this machine only, never written into the document. */
const ME_KEY = "khct.me";
function loadMe(): { name: string; role: string } {
  try {
    const value = JSON.parse(localStorage.getItem(ME_KEY) ?? "{}") as {
      name?: unknown;
      role?: unknown;
    };
    return {
      name: typeof value.name === "string" ? value.name : "",
      role: typeof value.role === "string" ? value.role : "",
    };
  } catch {
    return { name: "", role: "" };
  }
}

/** Today on the user's own calendar (not UTC: in Vietnam, UTC is yesterday until 7:00). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const today = () => localDate(new Date());

export interface TrackPanelProps {
  readonly framework: Framework;
  /** Reads the document and writes a cell where it still holds what was read. */
  readonly host: CheckHost | null;
  /** Inserts the report as a table (Word: at the cursor; Excel: at the active cell). */
  readonly tables: PlanTableHost | null;
}

/** "Theo dõi": my rows and their progress, the staff the plan names, and the monitoring report. */
export function TrackPanel({ framework, host, tables }: TrackPanelProps): React.JSX.Element {
  const s = useStrings();
  const strings = useStringsRef();
  const styles = useStyles();
  const [rows, setRows] = React.useState<TrackedRow[] | null>(null);
  const [staff, setStaff] = React.useState<ReturnType<typeof staffOf>>([]);
  const [kept, setKept] = React.useState<ReturnType<typeof staffList>>([]);
  /** Plan tables without a progress column (the user may ask KHCT to add one), and the one awaiting confirmation. */
  const [noProgress, setNoProgress] = React.useState<{ key: string; where: string }[]>([]);
  const [confirmAdd, setConfirmAdd] = React.useState<string | null>(null);
  /** Progress chosen but not yet written, by row (written when the control is left). */
  const [pending, setPending] = usePaneState<ReadonlyMap<string, ProgressStatus>>(
    "track.pending",
    () => new Map()
  );
  /** Thông tư 57/2026's monitoring table (Mục VI), where the review is written; and the plan's year. */
  const [monitoring, setMonitoring] = React.useState<string | null>(null);
  const [year, setYear] = React.useState<SchoolYear | null>(null);
  const [asOf, setAsOf] = usePaneState("track.asOf", today);
  const [me, setMe] = React.useState(loadMe);
  const version = useDocumentVersion();
  const [message, setMessage] = React.useState<{
    intent: "success" | "warning" | "error";
    text: string;
  } | null>(null);

  const begin = useLatestRun();
  const read = React.useCallback(async () => {
    if (!host) return;
    const current = begin();
    try {
      const content = await host.readDocument();
      if (!current()) return;
      const analysed = analyseTables(content.tables, framework);
      const identity = detectPlanIdentity(identityTexts(content.paragraphs, content.tables));
      const tracked = trackedRows(
        analysed,
        identity.schoolYear,
        /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : today()
      );
      setRows(tracked);
      setYear(identity.schoolYear);
      setMonitoring(analysed.find((t) => t.kind === "monitoring" && t.table)?.key ?? null);
      setStaff(staffOf(tracked.map((r) => r.responsible)));
      setKept(staffList(analysed));
      setNoProgress(
        analysed
          .filter(
            (t) => t.kind === "plan" && t.header.ok && t.header.match.columns.progress === undefined
          )
          .map((t) => ({ key: t.key, where: t.where }))
      );
    } catch (error) {
      if (!current()) return;
      setMessage({
        intent: "error",
        text: format(strings.current.trackReadError, {
          message: errorMessage(error, strings.current),
        }),
      });
    }
  }, [host, framework, asOf, strings, begin]);

  // Read again after the document changed (`version`).
  React.useEffect(() => {
    void read();
  }, [read, version]);

  if (!host) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{s.trackNeedsDocument}</MessageBarBody>
      </MessageBar>
    );
  }

  const saveMe = (next: { name: string; role: string }) => {
    setMe(next);
    try {
      localStorage.setItem(ME_KEY, JSON.stringify(next));
    } catch {
      // Storage may be off (private mode): the choice lasts for this session.
    }
  };

  /** Every write from this panel: an Office error becomes a Vietnamese message, never an unhandled rejection. */
  const guarded = async (write: () => Promise<void>) => {
    try {
      await write();
    } catch (error) {
      setMessage({
        intent: "error",
        text: format(s.trackWriteError, { message: errorMessage(error, s) }),
      });
    }
  };

  const rowKey = (row: TrackedRow) => `${row.table}:${row.row}`;
  const choose = (row: TrackedRow, status: ProgressStatus) =>
    setPending((all) => new Map(all).set(rowKey(row), status));
  const commit = async (row: TrackedRow) => {
    const status = pending.get(rowKey(row));
    if (status === undefined) return;
    setPending((all) => {
      const next = new Map(all);
      next.delete(rowKey(row));
      return next;
    });
    if (status === row.status) return;
    await guarded(() => setProgress(row, status));
  };

  const setProgress = async (row: TrackedRow, status: ProgressStatus) => {
    if (row.progressCol === undefined) return;
    const result = await host.applyEdits(
      [
        {
          table: row.table,
          row: row.row,
          col: row.progressCol,
          expected: row.progressText ?? "",
          text: row.progressWords[status],
        },
      ],
      { purpose: "progress" }
    );
    setMessage(
      result.written
        ? {
            intent: "success",
            text: format(s.trackSaved, { label: row.label, status: row.progressWords[status] }),
          }
        : { intent: "warning", text: s.trackChanged }
    );
    await read();
  };

  const report = rows ? monitoringReport(rows, asOf) : null;
  const insertReport = async () => {
    if (!report || !tables) return;
    const title = format(s.trackReportTitle, { date: viDate(asOf) });
    if (tables.insertReport) {
      // Excel: a summary sheet with a chart.
      const made = await tables.insertReport(title, reportRows(report), report.lines.length);
      setMessage({ intent: "success", text: format(s.trackReportSheet, { where: made.where }) });
      return;
    }
    const table = [[title, "", "", "", "", "", ""], ...reportRows(report)];
    const outcome = await tables.insertTable(table, [{ row: 0, from: 0 }], 2);
    setMessage(
      outcome.ok
        ? { intent: "success", text: s.trackReportInserted }
        : { intent: "warning", text: format(s.tableOccupied, { where: outcome.where }) }
    );
  };
  const when = reviewTime(asOf, year);
  /** The review of this time point into Mục VI: its row's empty cells, or a new row. */
  const writeReview = async () => {
    if (!report || !rows || !tables || !monitoring) return;
    const table = (await tables.readTables()).find((t) => t.key === monitoring);
    const analysed = table ? analyseTables([table], framework)[0]?.table : null;
    if (!table || !analysed) {
      setMessage({ intent: "warning", text: s.trackChanged });
      return;
    }
    const planned = reviewPatch(analysed, when, reviewValues(rows, report));
    if (planned.kind === "written") {
      setMessage({ intent: "warning", text: format(s.trackReviewWritten, { when }) });
      return;
    }
    const outcome = await tables.applyPatch(table, planned.patch);
    setMessage(
      outcome.ok
        ? { intent: "success", text: format(s.trackReviewDone, { when }) }
        : { intent: "warning", text: s.trackChanged }
    );
    await read();
  };
  const mine = rows ? myRows(rows, withRole(me, kept)) : [];
  const addColumns = async (key: string) => {
    if (!tables?.addProgressColumns) return;
    setConfirmAdd(null);
    const table = (await tables.readTables()).find((t) => t.key === key);
    const outcome = table
      ? await tables.addProgressColumns(table)
      : ({ ok: false, reason: "changed" } as const);
    setMessage(
      outcome.ok
        ? { intent: "success", text: s.trackColumnsAdded }
        : {
            intent: "warning",
            text:
              outcome.reason === "occupied"
                ? s.trackColumnsOccupied
                : outcome.reason === "merged"
                  ? s.trackColumnsMerged
                  : s.trackChanged,
          }
    );
    await read();
  };

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-label={s.trackMine}>
        <Subtitle2 as="h3">{s.trackMine}</Subtitle2>
        <Caption1>{s.trackMeHelp}</Caption1>
        <div className={styles.row}>
          <Field label={s.trackMyName}>
            <Input
              size="small"
              value={me.name}
              onChange={(_, d) => saveMe({ ...me, name: d.value })}
            />
          </Field>
          <Field label={s.trackMyRole}>
            <Select
              size="small"
              value={me.role}
              onChange={(_, d) => saveMe({ ...me, role: d.value })}
            >
              <option value="">—</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {rows && (me.name || me.role) && mine.length === 0 && <Body1>{s.trackNoRows}</Body1>}
        {tables?.addProgressColumns &&
          noProgress.map((t) =>
            confirmAdd === t.key ? (
              <MessageBar key={t.key} intent="info" layout="multiline">
                <MessageBarBody>{format(s.trackColumnsConfirm, { where: t.where })}</MessageBarBody>
                <div className={styles.row}>
                  <Button
                    size="small"
                    appearance="primary"
                    onClick={() => void guarded(() => addColumns(t.key))}
                  >
                    {s.trackColumnsYes}
                  </Button>
                  <Button size="small" onClick={() => setConfirmAdd(null)}>
                    {s.trackColumnsNo}
                  </Button>
                </div>
              </MessageBar>
            ) : (
              <Button key={t.key} size="small" onClick={() => setConfirmAdd(t.key)}>
                {format(s.trackColumnsAdd, { where: t.where })}
              </Button>
            )
          )}
        {mine.map((r) => (
          <div key={`${r.table}:${r.row}`} className={styles.item}>
            <div className={styles.row}>
              <Body1>
                <b>{r.label}</b> {r.task}
              </Body1>
              {r.overdue && <Badge color="danger">{s.trackOverdue}</Badge>}
            </div>
            <Caption1>
              {r.timeframe} · {r.responsible}
            </Caption1>
            <div className={styles.row}>
              <Button
                size="small"
                onClick={() =>
                  void host.select({ table: r.table, row: r.row }).catch((e: unknown) =>
                    setMessage({
                      intent: "error",
                      text: format(s.goToError, { message: errorMessage(e, s) }),
                    })
                  )
                }
              >
                {s.findingGo}
              </Button>
              {r.progressCol !== undefined ? (
                <Select
                  size="small"
                  aria-label={format(s.trackProgressOf, { label: r.label })}
                  value={pending.get(rowKey(r)) ?? r.status ?? ""}
                  // Choosing only marks the choice; it is written when the control is left (or
                  // Enter), once — arrowing through a closed list does not write each step.
                  onChange={(_, d) => choose(r, d.value as ProgressStatus)}
                  onBlur={() => void commit(r)}
                  onKeyDown={(e) => e.key === "Enter" && void commit(r)}
                >
                  {r.status === null && <option value="">{r.progressText}</option>}
                  {(Object.keys(r.progressWords) as ProgressStatus[]).map((k) => (
                    <option key={k} value={k}>
                      {r.progressWords[k]}
                    </option>
                  ))}
                </Select>
              ) : (
                <Caption1>{s.trackNoProgressColumn}</Caption1>
              )}
            </div>
          </div>
        ))}
      </section>

      <section className={styles.section} aria-label={s.trackReport}>
        <Subtitle2 as="h3">{s.trackReport}</Subtitle2>
        <div className={styles.row}>
          <Field label={s.trackAsOf}>
            <Input size="small" type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
          </Field>
          <Button size="small" onClick={() => void read()}>
            {s.formatRecheck}
          </Button>
        </div>
        {report && report.total.rows === 0 && <Body1>{s.trackNoTable}</Body1>}
        {report && report.total.rows > 0 && (
          <>
            <table className={styles.table}>
              <thead>
                <tr>
                  {[
                    s.trackColStandard,
                    s.trackColRows,
                    s.trackColDone,
                    s.trackColDoing,
                    s.trackColOverdue,
                    s.trackColBudget,
                  ].map((h) => (
                    <th key={h} className={styles.cell}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...report.lines, report.total].map((l) => (
                  <tr key={l.name}>
                    <td className={styles.cell}>{l.name}</td>
                    <td className={styles.cell}>{l.rows}</td>
                    <td className={styles.cell}>{l.done}</td>
                    <td className={styles.cell}>{l.inProgress}</td>
                    <td className={styles.cell}>{l.overdue}</td>
                    <td className={styles.cell}>{l.budget ? formatDong(l.budget) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.total.unknown > 0 && (
              <Caption1>{format(s.trackUnknown, { count: String(report.total.unknown) })}</Caption1>
            )}
            {tables && (
              <div className={styles.row}>
                <Button
                  size="small"
                  appearance="primary"
                  onClick={() => void guarded(insertReport)}
                >
                  {s.trackInsertReport}
                </Button>
                {monitoring && (
                  <Button size="small" onClick={() => void guarded(writeReview)}>
                    {format(s.trackWriteReview, { when })}
                  </Button>
                )}
              </div>
            )}
          </>
        )}
      </section>

      {kept.length > 0 && (
        <section className={styles.section} aria-label={s.trackStaffList}>
          <Subtitle2 as="h3">{s.trackStaffList}</Subtitle2>
          <ul>
            {kept.map((p) => (
              <li key={`${p.name}|${p.role}`}>
                {[p.name, p.role].filter(Boolean).join(" – ")}:{" "}
                {format(s.trackStaffRows, {
                  count: String(rows ? myRows(rows, withRole({ name: p.name }, kept)).length : 0),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {kept.length === 0 && staff.length > 0 && (
        <section className={styles.section} aria-label={s.trackStaff}>
          <Subtitle2 as="h3">{s.trackStaff}</Subtitle2>
          <ul>
            {staff.map((p) => (
              <li key={`${p.person.role}|${p.person.name}`}>
                {[p.person.role, p.person.name].filter(Boolean).join(" – ")}:{" "}
                {format(s.trackStaffRows, { count: String(p.rows) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {message && (
        // A read error is not the user's action: it does not take the focus.
        <ActionResult
          intent={message.intent}
          text={message.text}
          focus={message.intent !== "error"}
        />
      )}
    </div>
  );
}
