import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CATALOGUE, circularName, formatDate, type ChoiceReason } from "../../core/catalogue";
import { SCHOOL_LEVELS, type SchoolLevel } from "../../core/schoolLevel";
import { LocaleContext, useStrings } from "../hooks/useStrings";
import { render } from "../../core/messages";
import type { PlanState } from "../hooks/usePlan";
import { format, type StringKey } from "../strings";

export const LEVEL_LABEL: Readonly<Record<SchoolLevel, StringKey>> = {
  "mam-non": "levelMamNon",
  "tieu-hoc": "levelTieuHoc",
  "trung-hoc": "levelTrungHoc",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // Narrow task panes: one field per line, each as wide as the card.
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  select: { width: "100%", minWidth: 0 },
  // A Field sizes its column to the widest option otherwise: long circular names overflow the pane.
  field: { minWidth: 0, gridTemplateColumns: "minmax(0, 1fr)" },
});

export interface PlanIdentityCardProps {
  readonly plan: PlanState;
  /** Outside Office there is no document to read or to store the choice in. */
  readonly hasDocument: boolean;
  /** The document is a file opened in the browser: the choice is saved only when it is downloaded. */
  readonly inFile?: boolean;
}

/** The plan's school level and framework: detected from the document, chosen or confirmed by the user. */
const REASON_LABEL: Readonly<
  Record<ChoiceReason, "reasonCited" | "reasonUser" | "reasonDefault" | "reasonForm" | "reasonDate">
> = {
  cited: "reasonCited",
  user: "reasonUser",
  default: "reasonDefault",
  form: "reasonForm",
  date: "reasonDate",
};

export function PlanIdentityCard({
  plan,
  hasDocument,
  inFile = false,
}: PlanIdentityCardProps): React.JSX.Element {
  const s = useStrings();
  const locale = React.useContext(LocaleContext);
  const styles = useStyles();
  const identity = plan.identity;
  const details = identity
    ? [
        identity.schoolName,
        identity.schoolYear ? format(s.schoolYearLabel, { year: identity.schoolYear.text }) : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : "";
  const conflict = identity?.conflicting ? [...new Set(identity.evidence.map((e) => e.level))] : [];
  const frameworks = plan.level
    ? CATALOGUE.frameworks.filter((f) => f.schoolLevels.includes(plan.level as SchoolLevel))
    : [];
  const reason = plan.choice ? s[REASON_LABEL[plan.choice.reason]] : "";
  // A plan of 2026-2027 or later citing no circular: which one it follows is asked once.
  const alternative =
    hasDocument && plan.choice?.reason === "date" && !plan.confirmed
      ? plan.choice.alternative
      : null;

  return (
    <section className={styles.root} aria-label={s.identityTitle}>
      {plan.status === "loading" && <Spinner size="tiny" label={s.loading} />}
      {plan.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            {format(s.identityReadError, { message: plan.readError ?? "" })}
          </MessageBarBody>
        </MessageBar>
      )}
      {hasDocument && plan.status === "ready" && (
        <Caption1>{details ? format(s.identityDetected, { details }) : s.identityNothing}</Caption1>
      )}
      {conflict.length > 1 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {format(s.identityConflict, {
              a: s[LEVEL_LABEL[conflict[0] as SchoolLevel]],
              b: s[LEVEL_LABEL[conflict[1] as SchoolLevel]],
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.fields}>
        <Field className={styles.field} label={s.levelLabel} size="small">
          <Select
            size="small"
            value={plan.level ?? ""}
            onChange={(_, data) => plan.setLevel(data.value as SchoolLevel)}
          >
            {!plan.level && <option value="">{s.levelChoose}</option>}
            {SCHOOL_LEVELS.map((level) => (
              <option key={level} value={level}>
                {s[LEVEL_LABEL[level]]}
              </option>
            ))}
          </Select>
        </Field>
        {plan.choice && (
          <Field className={styles.field} label={s.frameworkLabel} size="small" hint={reason}>
            <Select
              size="small"
              value={plan.choice.framework.id}
              onChange={(_, data) => plan.setFramework(data.value)}
            >
              {frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {`${circularName(f)} (${formatDate(f.issuedDate)})${f.annex ? `, Phụ lục ${f.annex}` : ""}`}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {plan.choice && alternative ? (
        // Asked once: the answer is stored in the document, and the question does not come back.
        <MessageBar intent="info" layout="multiline" aria-label={s.frameworkAskTitle}>
          <MessageBarBody>
            <MessageBarTitle>{s.frameworkAskTitle}</MessageBarTitle>
            {format(s.frameworkAsk, {
              year: identity?.schoolYear?.text ?? "",
              first: circularName(plan.choice.framework),
              second: circularName(alternative),
            })}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              appearance="primary"
              disabled={plan.saving}
              onClick={() => void plan.confirm(plan.choice?.framework.id)}
            >
              {format(s.frameworkUse, { name: circularName(plan.choice.framework) })}
            </Button>
            <Button
              size="small"
              disabled={plan.saving}
              onClick={() => void plan.confirm(alternative.id)}
            >
              {format(s.frameworkUse, { name: circularName(alternative) })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {plan.choice?.notes
        // The question above says what the successor note says.
        .filter((note) => !(alternative && note.code === "successor-chosen"))
        .map((note) => (
          <MessageBar key={note.code} intent="info" layout="multiline">
            <MessageBarBody>{render(note.said, locale)}</MessageBarBody>
          </MessageBar>
        ))}
      {hasDocument && plan.choice && (
        <div className={styles.row}>
          {plan.confirmed ? (
            <Caption1 className={styles.muted}>
              {inFile ? s.identityConfirmedFile : s.identityConfirmed}
            </Caption1>
          ) : (
            <Button
              size="small"
              appearance="primary"
              disabled={plan.saving}
              onClick={() => void plan.confirm()}
            >
              {plan.saving ? s.identitySaving : s.identityConfirm}
            </Button>
          )}
          <Button size="small" appearance="subtle" onClick={plan.reload}>
            {s.identityReload}
          </Button>
        </div>
      )}
      {plan.saveError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {format(s.identitySaveError, { message: plan.saveError })}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
