import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Framework, LevelNumber } from "../../core/catalogue";
import {
  formRowsPatch,
  issuesPatch,
  priorityCandidates,
  proposeItems,
  type ItemProposal,
} from "../../core/plan/formFill";
import type { Patch } from "../../core/plan/patch";
import type { AssessmentResults } from "../../core/plan/proposal";
import type { AnalysedTable } from "../../core/plan/session";
import type { SchoolYear } from "../../core/text/schoolYear";
import type { DocumentTable, PlanTableHost } from "../../hosts/adapter";
import { errorMessage } from "../errors";
import { useStrings } from "../hooks/useStrings";
import { ActionResult } from "./ActionResult";
import { usePaneState } from "../paneStore";
import { format } from "../strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Message = { readonly intent: "success" | "warning" | "error"; readonly text: string };

export interface FormFillProps {
  readonly framework: Framework;
  readonly year: SchoolYear | null;
  readonly host: PlanTableHost;
  /** The form's Mục IV and Mục V tables as read (null: the document lacks it). */
  readonly issues: AnalysedTable | null;
  readonly plan: AnalysedTable | null;
  readonly results: AssessmentResults;
  readonly target: LevelNumber;
  /** Re-reads the tables after a write. */
  readonly reload: () => void;
}

/**
 * Filling Thông tư 57/2026's form (Biểu 2 Phụ lục V): the user picks the priority issues for Mục IV
 * (none ticked at first — the form is not a plan for every criterion), then writes an item in Mục V
 * for each issue without one. Each step is one write of one table, previewed by what it lists.
 */
export function FormFill({
  framework,
  year,
  host,
  issues,
  plan,
  results,
  target,
  reload,
}: FormFillProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [picked, setPicked] = usePaneState<ReadonlySet<string>>("form.picked", () => new Set());
  const [skippedItems, setSkippedItems] = usePaneState<ReadonlySet<number>>(
    "form.skipped",
    () => new Set()
  );
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | null>(null);

  const issuesTable = issues?.table ?? null;
  const planTable = plan?.table ?? null;
  const { candidates, unassessed } = React.useMemo(
    () => priorityCandidates(framework, results, target, issuesTable),
    [framework, results, target, issuesTable]
  );
  const items: ItemProposal[] = React.useMemo(
    () =>
      issuesTable && planTable
        ? proposeItems(framework, issuesTable, planTable, { target, year, results })
        : [],
    [framework, issuesTable, planTable, target, year, results]
  );

  if (!issues || !issuesTable || !plan || !planTable)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{!issues ? s.formLacksIssues : s.formLacksPlan}</MessageBarBody>
      </MessageBar>
    );

  const write = async (table: DocumentTable, patch: Patch, after: () => void) => {
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await host.applyPatch(table, patch);
      if (outcome.ok) {
        const sets = patch.ops.filter((op) => op.kind === "set").length;
        setMessage({
          intent: outcome.skipped.length ? "warning" : "success",
          text:
            format(s.fillDone, {
              rows: String(outcome.inserted),
              cells: String(sets - outcome.skipped.length),
            }) +
            (outcome.skipped.length
              ? ` ${format(s.fillSkipped, { count: String(outcome.skipped.length) })}`
              : ""),
        });
        after();
      } else {
        setMessage({
          intent: "warning",
          text:
            outcome.reason === "changed"
              ? s.fillChanged
              : outcome.reason === "gone"
                ? s.fillGone
                : s.fillNoAnchor,
        });
      }
      reload();
    } catch (error) {
      setMessage({
        intent: "error",
        text: format(s.fillError, { message: errorMessage(error, s) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const chosen = candidates.filter((c) => picked.has(c.id) && !c.named);
  const chosenItems = items.filter((i) => !skippedItems.has(i.issueRow));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  const toggleItem = (row: number, on: boolean) => {
    const next = new Set(skippedItems);
    if (on) next.delete(row);
    else next.add(row);
    setSkippedItems(next);
  };

  return (
    <>
      <section className={styles.section} aria-label={s.formIssuesHeading}>
        <Body1Strong>{s.formIssuesHeading}</Body1Strong>
        <Caption1 className={styles.muted}>{s.formIssuesRule}</Caption1>
        {candidates.length === 0 && (
          <Caption1>{format(s.formIssuesNone, { level: String(target) })}</Caption1>
        )}
        {unassessed.length > 0 && results.levels.size > 0 && (
          <Caption1 className={styles.muted}>
            {format(s.proposalsUnassessed, { count: String(unassessed.length) })}
          </Caption1>
        )}
        {candidates.map((c) => (
          <Checkbox
            key={c.id}
            disabled={c.named || busy}
            checked={c.named || picked.has(c.id)}
            onChange={(_, d) => toggle(c.id, Boolean(d.checked))}
            label={`Tiêu chí ${c.id}: ${c.title} — ${
              c.current === 0
                ? s.formNotLevel1
                : format(s.resultLevel, { level: String(c.current) })
            }${c.mandatory ? ` · ${s.mandatory}` : ""}${c.named ? ` · ${s.formNamed}` : ""}`}
          />
        ))}
        {candidates.length > 0 && (
          <Button
            appearance="primary"
            disabled={busy || chosen.length === 0}
            onClick={() =>
              void write(issues, issuesPatch(framework, issuesTable, chosen), () =>
                setPicked(new Set())
              )
            }
          >
            {format(s.formIssuesWrite, { count: String(chosen.length) })}
          </Button>
        )}
      </section>

      <section className={styles.section} aria-label={s.formItemsHeading}>
        <Body1Strong>{s.formItemsHeading}</Body1Strong>
        {items.length === 0 && <Caption1>{s.formItemsNone}</Caption1>}
        {items.map((item) => (
          <div key={item.issueRow} className={styles.item}>
            <Checkbox
              disabled={busy}
              checked={!skippedItems.has(item.issueRow)}
              onChange={(_, d) => toggleItem(item.issueRow, Boolean(d.checked))}
              label={item.label}
            />
            <Caption1>{item.values.content}</Caption1>
            <Caption1 className={styles.muted}>{item.values.indicator}</Caption1>
          </div>
        ))}
        {items.length > 0 && (
          <Button
            appearance="primary"
            disabled={busy || chosenItems.length === 0}
            onClick={() =>
              void write(plan, formRowsPatch(planTable, chosenItems), () =>
                setSkippedItems(new Set())
              )
            }
          >
            {format(s.formItemsWrite, { count: String(chosenItems.length) })}
          </Button>
        )}
      </section>
      {message && <ActionResult intent={message.intent} text={message.text} />}
    </>
  );
}
