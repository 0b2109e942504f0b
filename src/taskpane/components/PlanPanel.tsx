import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Framework, LevelNumber } from "../../core/catalogue";
import { layoutById } from "../../core/plan/layouts";
import { newPlanTable } from "../../core/plan/newTable";
import { computeFillPatch, fillUnsupported, type Patch } from "../../core/plan/patch";
import { FormFill } from "./FormFill";
import { proposeRows } from "../../core/plan/proposal";
import {
  chosenTemplates,
  previewItems,
  proposalKey,
  resultsFromTables,
  type ProposalEdit,
} from "../../core/plan/session";
import type { AssessedLevel } from "../../core/plan/templates";
import type { SchoolYear } from "../../core/text/schoolYear";
import type { PlanTableHost } from "../../hosts/adapter";
import { errorMessage } from "../errors";
import { usePlanTables } from "../hooks/usePlanTables";
import { ROLES, staffList, staffOf } from "../../core/tracking/staff";
import { LocaleContext, useStrings } from "../hooks/useStrings";
import { render, whereIn } from "../../core/messages";
import { ActionResult } from "./ActionResult";
import { usePaneState } from "../paneStore";
import { format } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  proposal: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  manual: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  full: { width: "100%", minWidth: 0 },
});

const NEW_TABLE = "__new__";

export interface PlanPanelProps {
  readonly framework: Framework;
  readonly year: SchoolYear | null;
  /** null outside Office. */
  readonly host: PlanTableHost | null;
}

type Message = { readonly intent: "success" | "warning" | "error" | "info"; readonly text: string };

/** "Lập kế hoạch": proposals from the self-assessment, a preview, and the fill in place. */
export function PlanPanel({ framework, year, host }: PlanPanelProps): React.JSX.Element {
  const locale = React.useContext(LocaleContext);
  const s = useStrings();
  const styles = useStyles();
  const tables = usePlanTables(host, framework);
  const planTables = tables.tables.filter((t) => t.kind === "plan");
  // The people the plan already names, offered when typing who leads a new row.
  const staff = React.useMemo(() => {
    const cells = planTables.flatMap((t) =>
      (t.table?.rows ?? []).map((r) => r.cells.responsible?.text ?? "").filter(Boolean)
    );
    const named = staffOf(cells).map(({ person }) =>
      [person.role, person.name].filter(Boolean).join(" ")
    );
    // The staff list the school keeps in the document comes first.
    return [...staffList(tables.tables).map((p) => p.name), ...named];
  }, [planTables, tables.tables]);
  const staffListId = React.useId();
  const [chosenKey, setChosenKey] = usePaneState<string | null>("plan.table", null);
  const chosen = planTables.find((t) => t.key === chosenKey) ?? planTables[0] ?? null;
  const fromTables = React.useMemo(() => resultsFromTables(tables.tables), [tables.tables]);
  const [manual, setManual] = usePaneState<ReadonlyMap<string, AssessedLevel>>(
    "plan.manual",
    () => new Map()
  );
  const [target, setTarget] = usePaneState<LevelNumber>(
    "plan.target",
    framework.levelCount === 3 ? 3 : 2
  );
  const [includeLevel4, setIncludeLevel4] = usePaneState("plan.level4", false);
  const [unticked, setUnticked] = usePaneState<ReadonlySet<string>>(
    "plan.unticked",
    () => new Set()
  );
  const [edits, setEdits] = usePaneState<ReadonlyMap<string, ProposalEdit>>(
    "plan.edits",
    () => new Map()
  );
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | null>(null);

  const useManual = fromTables.sources.length === 0;
  const results = React.useMemo(
    () => (useManual ? { levels: manual, level4: new Map<string, boolean>() } : fromTables.results),
    [useManual, manual, fromTables]
  );
  const { proposals, unassessed } = React.useMemo(
    () => proposeRows(framework, results, { target, year, includeLevel4 }),
    [framework, results, target, year, includeLevel4]
  );
  const templates = React.useMemo(
    () => chosenTemplates(proposals, unticked, edits),
    [proposals, unticked, edits]
  );
  const unsupported = chosen?.table ? fillUnsupported(chosen.table) : null;
  const patch: Patch | null = React.useMemo(
    () =>
      chosen?.table && !fillUnsupported(chosen.table)
        ? computeFillPatch(chosen.table, templates, framework)
        : null,
    [chosen, templates, framework]
  );
  const preview = patch && chosen?.table ? previewItems(patch, chosen.table) : [];
  // Thông tư 57/2026's form: priorities in Mục IV, items in Mục V (not a row per criterion).
  const formIssues = tables.tables.find((t) => t.kind === "issues" && t.table) ?? null;
  const formPlan = tables.tables.find((t) => t.table?.header.layout.id === "tt57-plan") ?? null;
  const onForm = formIssues !== null || formPlan !== null;
  const inserts = preview.filter((p) => p.kind === "insert").length;
  const sets = preview.length - inserts;

  if (!host) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{s.planNeedsOffice}</MessageBarBody>
      </MessageBar>
    );
  }

  const fill = async () => {
    if (!chosen || !patch) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await host.applyPatch(chosen, patch);
      if (outcome.ok) {
        const done = format(s.fillDone, {
          rows: String(outcome.inserted),
          cells: String(sets - outcome.skipped.length),
        });
        const skipped = outcome.skipped.length
          ? ` ${format(s.fillSkipped, { count: String(outcome.skipped.length) })}`
          : "";
        setMessage({
          intent: outcome.skipped.length ? "warning" : "success",
          text: done + skipped,
        });
      } else {
        const text =
          outcome.reason === "changed"
            ? s.fillChanged
            : outcome.reason === "gone"
              ? s.fillGone
              : s.fillNoAnchor;
        setMessage({ intent: "warning", text });
      }
      tables.reload();
    } catch (error) {
      setMessage({
        intent: "error",
        text: format(s.fillError, { message: errorMessage(error, s) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const insertNew = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const table = newPlanTable(layoutById("standard"), templates, framework);
      const outcome = await host.insertTable(table.rows, table.merged, table.headerRows);
      setMessage(
        outcome.ok
          ? { intent: "success", text: s.tableInserted }
          : { intent: "warning", text: format(s.tableOccupied, { where: outcome.where }) }
      );
      tables.reload();
    } catch (error) {
      setMessage({
        intent: "error",
        text: format(s.fillError, { message: errorMessage(error, s) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: string, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(key);
    else next.add(key);
    setUnticked(next);
  };
  const edit = (key: string, field: keyof ProposalEdit, value: string) => {
    const next = new Map(edits);
    next.set(key, { ...next.get(key), [field]: value });
    setEdits(next);
  };

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-label={s.planTablesHeading}>
        <Body1Strong>{s.planTablesHeading}</Body1Strong>
        {tables.status === "loading" && <Spinner size="tiny" label={s.planReading} />}
        {tables.status === "error" && (
          <MessageBar intent="error">
            <MessageBarBody>
              {format(s.planReadError, { message: tables.error ?? "" })}
            </MessageBarBody>
          </MessageBar>
        )}
        {tables.status === "ready" && tables.tables.length === 0 && (
          <Caption1>{s.planNoTables}</Caption1>
        )}
        <ul className={styles.list}>
          {tables.tables.map((t) => (
            <li key={t.key}>
              <Caption1>
                {t.header.ok
                  ? `${whereIn(t.where, locale)}: ${locale === "en" ? t.header.match.layout.nameEn : t.header.match.layout.name}`
                  : format(s.planTableUnknown, {
                      where: t.where,
                      reason: render(t.header.said, locale),
                    })}
              </Caption1>
            </li>
          ))}
        </ul>
        <Field label={s.planTableLabel} size="small">
          <Select
            className={styles.full}
            size="small"
            value={chosen?.key ?? NEW_TABLE}
            onChange={(_, d) => setChosenKey(d.value)}
          >
            {planTables.map((t) => (
              <option key={t.key} value={t.key}>
                {whereIn(t.where, locale)}
              </option>
            ))}
            {planTables.length === 0 && <option value={NEW_TABLE}>{s.planNewTable}</option>}
          </Select>
        </Field>
        <Button size="small" appearance="subtle" onClick={tables.reload}>
          {s.planReread}
        </Button>
      </section>

      <section className={styles.section} aria-label={s.resultsHeading}>
        <Body1Strong>{s.resultsHeading}</Body1Strong>
        {useManual ? (
          <>
            <Caption1>{s.resultsManual}</Caption1>
            <div className={styles.manual}>
              {framework.standards.map((standard) => (
                <React.Fragment key={standard.id}>
                  {/* A whole standard at once, then each criterion as it differs. */}
                  <Text size={200} weight="semibold">
                    {format(s.resultsStandard, { id: standard.id })}
                  </Text>
                  <Select
                    size="small"
                    aria-label={`${s.resultsHeading}: ${format(s.resultsStandard, { id: standard.id })}`}
                    value=""
                    onChange={(_, d) => {
                      if (d.value === "") return;
                      const next = new Map(manual);
                      for (const c of standard.criteria)
                        next.set(c.id, Math.min(Number(d.value), c.maxLevel) as AssessedLevel);
                      setManual(next);
                    }}
                  >
                    <option value="">{s.resultsWholeStandard}</option>
                    <option value="0">{s.resultFail}</option>
                    {[1, 2, 3]
                      .filter((l) => l <= framework.levelCount)
                      .map((l) => (
                        <option key={l} value={String(l)}>
                          {format(s.resultLevel, { level: String(l) })}
                        </option>
                      ))}
                  </Select>
                  {standard.criteria.map((c) => (
                    <React.Fragment key={c.id}>
                      <Text size={200}>Tiêu chí {c.id}</Text>
                      <Select
                        size="small"
                        aria-label={`${s.resultsHeading}: Tiêu chí ${c.id}`}
                        value={String(manual.get(c.id) ?? "")}
                        onChange={(_, d) => {
                          const next = new Map(manual);
                          if (d.value === "") next.delete(c.id);
                          else next.set(c.id, Number(d.value) as AssessedLevel);
                          setManual(next);
                        }}
                      >
                        <option value="">{s.resultNone}</option>
                        <option value="0">{s.resultFail}</option>
                        {[1, 2, 3]
                          .filter((l) => l <= c.maxLevel)
                          .map((l) => (
                            <option key={l} value={String(l)}>
                              {format(s.resultLevel, { level: String(l) })}
                            </option>
                          ))}
                      </Select>
                    </React.Fragment>
                  ))}
                </React.Fragment>
              ))}
            </div>
          </>
        ) : (
          <Caption1>
            {format(s.resultsFromTable, {
              where: fromTables.sources.map((t) => t.where).join(", "),
              count: String(results.levels.size),
            })}
          </Caption1>
        )}
        <Field label={s.targetLabel} size="small">
          <Select
            size="small"
            value={String(target)}
            onChange={(_, d) => setTarget(Number(d.value) as LevelNumber)}
          >
            {[1, 2, 3]
              .filter((l) => l <= framework.levelCount)
              .map((l) => (
                <option key={l} value={String(l)}>
                  {format(s.resultLevel, { level: String(l) })}
                </option>
              ))}
          </Select>
        </Field>
        {framework.level4 && (
          <Checkbox
            label={s.includeLevel4}
            checked={includeLevel4}
            onChange={(_, d) => setIncludeLevel4(Boolean(d.checked))}
          />
        )}
      </section>

      {onForm ? (
        <FormFill
          framework={framework}
          year={year}
          host={host}
          issues={formIssues}
          plan={formPlan}
          results={results}
          target={target}
          reload={tables.reload}
        />
      ) : (
        <>
          <section
            className={styles.section}
            aria-label={format(s.proposalsHeading, { count: String(proposals.length) })}
          >
            <Body1Strong>
              {format(s.proposalsHeading, { count: String(proposals.length) })}
            </Body1Strong>
            {proposals.length === 0 && <Caption1>{s.proposalsNone}</Caption1>}
            {unassessed.length > 0 && !useManual && (
              <Caption1 className={styles.muted}>
                {format(s.proposalsUnassessed, { count: String(unassessed.length) })}
              </Caption1>
            )}
            {proposals.map((p) => {
              const key = proposalKey(p);
              const label = `Tiêu chí ${p.template.id} ${format(s.proposalTarget, { level: String(p.template.target) })}`;
              return (
                <div key={key} className={styles.proposal}>
                  <Checkbox
                    label={label}
                    checked={!unticked.has(key)}
                    onChange={(_, d) => toggle(key, Boolean(d.checked))}
                  />
                  <Caption1 className={styles.muted}>{p.template.values.target}</Caption1>
                  <Input
                    size="small"
                    aria-label={`${s.proposalSolution}: ${label}`}
                    placeholder={s.proposalSolution}
                    value={edits.get(key)?.solution ?? ""}
                    onChange={(_, d) => edit(key, "solution", d.value)}
                  />
                  <Input
                    size="small"
                    aria-label={`${s.proposalResponsible}: ${label}`}
                    placeholder={s.proposalResponsible}
                    value={edits.get(key)?.responsible ?? ""}
                    onChange={(_, d) => edit(key, "responsible", d.value)}
                    list={staffListId}
                  />
                </div>
              );
            })}
          </section>

          <datalist id={staffListId}>
            {[...new Set([...staff, ...ROLES])].map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>

          <section className={styles.section} aria-label={s.previewHeading}>
            <Body1Strong>{s.previewHeading}</Body1Strong>
            {unsupported ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{s.fillNoCriterionColumn}</MessageBarBody>
              </MessageBar>
            ) : chosen?.table ? (
              <>
                <Caption1>
                  {preview.length === 0
                    ? s.previewNothing
                    : format(s.previewSummary, { rows: String(inserts), cells: String(sets) })}
                </Caption1>
                <ul className={styles.list}>
                  {preview.slice(0, 60).map((item, i) => (
                    <li key={i}>
                      <Caption1>
                        {item.kind === "insert"
                          ? format(s.previewInsert, { label: item.label })
                          : format(s.previewSet, { column: item.column ?? "", label: item.label })}
                      </Caption1>
                    </li>
                  ))}
                </ul>
                <Button
                  appearance="primary"
                  disabled={busy || preview.length === 0}
                  onClick={() => void fill()}
                >
                  {busy ? s.filling : s.fillButton}
                </Button>
              </>
            ) : (
              <Button
                appearance="primary"
                disabled={busy || templates.length === 0}
                onClick={() => void insertNew()}
              >
                {busy ? s.filling : s.insertTableButton}
              </Button>
            )}
            {message && <ActionResult intent={message.intent} text={message.text} />}
          </section>
        </>
      )}
    </div>
  );
}
