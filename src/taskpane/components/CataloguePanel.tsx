import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1Strong,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SearchBox,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  CATALOGUE,
  SearchIndex,
  counts,
  circularName,
  levelIndicators,
  indicatorChanges,
  changeSaid,
  type Criterion,
  type Framework,
  type Indicator,
  type LevelNumber,
} from "../../core/catalogue";
import { stripTrailingPunctuation } from "../../core/text/fold";
import { useInsert, type Inserter } from "../hooks/useInsert";
import { LocaleContext, useStrings } from "../hooks/useStrings";
import { render } from "../../core/messages";
import { usePaneState } from "../paneStore";
import { format } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  criterion: {
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
  indicators: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  indicator: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "flex-start",
    justifyContent: "space-between",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  match: {
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
});

// One index over every framework: built once, filtered per query.
let index: SearchIndex | null = null;
const searchIndex = () => (index ??= new SearchIndex(CATALOGUE.frameworks));

export const criterionLabel = (criterion: Criterion) => `Tiêu chí ${criterion.id}`;
export const indicatorText = (indicator: Indicator) => stripTrailingPunctuation(indicator.text);

export interface CataloguePanelProps {
  readonly framework: Framework;
  /** null outside Office: the catalogue can be read but not inserted. */
  readonly insert: Inserter | null;
}

/** "Danh mục tiêu chí": the framework's standards, criteria and indicators, searchable and insertable. */
export function CataloguePanel({ framework, insert }: CataloguePanelProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [query, setQuery] = usePaneState("catalogue.query", "");
  const inserter = useInsert(insert);
  const c = counts(framework);
  const hits = React.useMemo(
    () => (query.trim() ? searchIndex().search(query, { frameworkIds: [framework.id] }) : null),
    [query, framework.id]
  );
  const amendmentMissing =
    framework.amendedBy.length > 0 &&
    framework.standards.every((st) => st.criteria.every((cr) => cr.amendment === null));

  return (
    <div className={styles.root}>
      <Caption1>
        {circularName(framework)} —{" "}
        {format(s.countsSummary, {
          standards: String(c.standards),
          criteria: String(c.criteria),
          level3: String(c.criteriaAtLevel[3]),
          level4: c.level4 === null ? s.countsUnknown : String(c.level4),
        })}
      </Caption1>
      {amendmentMissing && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {format(s.noteAmendment, {
              amendedBy: framework.amendedBy.map((a) => `Thông tư ${a}`).join(", "),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {!framework.verified && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.noteUnverified}</MessageBarBody>
        </MessageBar>
      )}
      <SearchBox
        aria-label={s.searchLabel}
        placeholder={s.searchPlaceholder}
        value={query}
        onChange={(_, data) => setQuery(data.value)}
        size="small"
      />
      {inserter.status && (
        <MessageBar intent={inserter.status.intent} role="status">
          <MessageBarBody>{inserter.status.text}</MessageBarBody>
          {inserter.status.append && (
            <MessageBarActions>
              <Button size="small" onClick={inserter.status.append}>
                {s.insertAppend}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {hits ? (
        <section aria-live="polite">
          <Caption1>
            {hits.length === 0
              ? format(s.searchNoResult, { query })
              : format(s.searchCount, { count: String(hits.length) })}
          </Caption1>
          {hits.map((hit) => (
            <CriterionBlock
              key={hit.criterion.id}
              criterion={hit.criterion}
              onInsert={inserter.run}
              disabled={inserter.busy}
              copying={insert === null}
              levelCount={framework.levelCount}
              match={
                hit.indicator && hit.level
                  ? { level: hit.level, indicator: hit.indicator }
                  : undefined
              }
            />
          ))}
        </section>
      ) : (
        <Accordion multiple collapsible>
          {framework.standards.map((standard) => (
            <AccordionItem key={standard.id} value={standard.id}>
              <AccordionHeader size="small">
                {format(s.standardHeading, { id: standard.id, title: standard.title })}
              </AccordionHeader>
              <AccordionPanel>
                {standard.criteria.map((criterion) => (
                  <CriterionBlock
                    key={criterion.id}
                    criterion={criterion}
                    onInsert={inserter.run}
                    disabled={inserter.busy}
                    copying={insert === null}
                    levelCount={framework.levelCount}
                  />
                ))}
              </AccordionPanel>
            </AccordionItem>
          ))}
          <AccordionItem value="level4">
            <AccordionHeader size="small">{s.level4Heading}</AccordionHeader>
            <AccordionPanel>
              <Level4List framework={framework} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}

interface CriterionBlockProps {
  readonly criterion: Criterion;
  readonly onInsert: (text: string) => void;
  readonly disabled: boolean;
  /** No document to insert into: the buttons copy instead. */
  readonly copying: boolean;
  /** The framework's number of levels: "no Mức 3" only means something where there is a Mức 3. */
  readonly levelCount: 2 | 3;
  readonly match?: { readonly level: LevelNumber; readonly indicator: Indicator };
}

function CriterionBlock({
  criterion,
  onInsert,
  disabled,
  copying,
  levelCount,
  match,
}: CriterionBlockProps): React.JSX.Element {
  const locale = React.useContext(LocaleContext);
  const s = useStrings();
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const label = criterionLabel(criterion);
  const levelsId = React.useId();
  return (
    <article className={styles.criterion} aria-label={`${label}: ${criterion.title}`}>
      <div className={styles.line}>
        <Body1Strong>{label}</Body1Strong>
        <Text>{criterion.title}</Text>
        {levelCount === 3 && criterion.maxLevel < 3 && (
          <Badge appearance="outline" size="small">
            {s.noLevel3}
          </Badge>
        )}
        {criterion.mandatory && (
          <Badge appearance="tint" color="important" size="small">
            {s.mandatory}
          </Badge>
        )}
      </div>
      {criterion.flags && <Caption1 className={styles.muted}>{s.noteFlag}</Caption1>}
      {match && (
        <Caption1 className={styles.match}>
          {format(s.levelHeading, { level: String(match.level) })}:{" "}
          {match.indicator.key ? `${match.indicator.key}) ` : ""}
          {indicatorText(match.indicator)}
        </Caption1>
      )}
      <div className={styles.line}>
        <Button size="small" disabled={disabled} onClick={() => onInsert(label)}>
          {copying ? s.copyLabel : s.insertLabel}
        </Button>
        <Button
          size="small"
          disabled={disabled}
          onClick={() => onInsert(`${label}: ${criterion.title}`)}
        >
          {copying ? s.copyLabelTitle : s.insertLabelTitle}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-controls={levelsId}
          onClick={() => setOpen(!open)}
        >
          {open ? "−" : "+"}{" "}
          {format(s.levelHeading, { level: criterion.maxLevel === 3 ? "1–3" : "1–2" })}
        </Button>
      </div>
      {open && (
        <div id={levelsId}>
          {([1, 2, 3] as const).map((level) => {
            const indicators = levelIndicators(criterion, level);
            if (!indicators) return null;
            return (
              <div key={level}>
                <Caption1>{format(s.levelHeading, { level: String(level) })}</Caption1>
                <ul className={styles.indicators}>
                  {indicators.map((indicator, i) => (
                    <li key={i} className={styles.indicator}>
                      <Text size={200}>
                        {indicator.key ? `${indicator.key}) ` : ""}
                        {indicator.text}
                        {indicatorChanges(criterion, level, indicator.key).map((change) => (
                          <em key={change.by + change.effective}>
                            {" "}
                            [{render(changeSaid(change), locale)}]
                          </em>
                        ))}
                      </Text>
                      <Button
                        size="small"
                        appearance="subtle"
                        disabled={disabled}
                        aria-label={`${s.insertIndicator}: ${format(s.levelHeading, { level: String(level) })} ${indicator.key ?? ""}`}
                        onClick={() => onInsert(indicatorText(indicator))}
                      >
                        {s.insertIndicator}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </article>
  );
}

function Level4List({ framework }: { readonly framework: Framework }): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  if (framework.level4 === null) return <Caption1>{s.level4None}</Caption1>;
  if (framework.level4.count === null)
    return <Caption1>{format(s.level4Unknown, { circular: circularName(framework) })}</Caption1>;
  return (
    <ul className={styles.indicators}>
      {framework.level4.criteria.map((c) => (
        <li key={c.id}>
          <Body1Strong>Tiêu chí {c.id}</Body1Strong>:{" "}
          {c.text ?? <em className={styles.muted}>{s.level4NoText}</em>}
        </li>
      ))}
    </ul>
  );
}
