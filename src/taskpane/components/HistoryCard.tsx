import * as React from "react";
import {
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Refusal } from "../../core/history/change";
import type {
  Journal,
  JournalEntry,
  OperationKind,
  UndoOutcome,
  UndoPreview,
} from "../../hosts/journal";
import { errorMessage } from "../errors";
import { LocaleContext, useStrings } from "../hooks/useStrings";
import { format, type Locale, type StringKey, type Strings } from "../strings";
import { whereIn } from "../../core/text/where";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const KIND: Readonly<Record<OperationKind, StringKey>> = {
  fill: "historyKindFill",
  fix: "historyKindFix",
  progress: "historyKindProgress",
  format: "historyKindFormat",
  table: "historyKindTable",
  columns: "historyKindColumns",
};

function describeEntry(s: Strings, entry: JournalEntry, locale: Locale): string {
  const parts = [
    entry.cells > 0 && entry.kind !== "format" && entry.kind !== "columns"
      ? format(s.historyCells, { count: `${entry.cells}` })
      : "",
    entry.rows > 0 && entry.kind !== "table"
      ? format(s.historyRows, { count: `${entry.rows}` })
      : "",
  ].filter(Boolean);
  const time = entry.at.toLocaleTimeString(locale === "vi" ? "vi-VN" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
  });
  const where = entry.where ? ` — ${whereIn(entry.where, locale)}` : "";
  return `${s[KIND[entry.kind]]}${where}${parts.length ? `: ${parts.join(", ")}` : ""} (${time})`;
}

function refusalTexts(s: Strings, refused: readonly Refusal[]): string[] {
  const list = (reason: Refusal["reason"]) =>
    [
      ...new Set(refused.filter((r) => r.reason === reason).map((r) => r.label || s.historyARow)),
    ].join("; ");
  const changed = list("changed");
  const missing = list("missing");
  return [
    changed ? format(s.historyRefusedChanged, { list: changed }) : "",
    missing ? format(s.historyRefusedMissing, { list: missing }) : "",
  ].filter(Boolean);
}

type Message = { readonly intent: "success" | "warning" | "error"; readonly lines: string[] };

export interface HistoryCardProps {
  readonly journal: Journal;
  /** After an undo: the panels read the document again. */
  readonly onUndone: () => void;
}

/**
 * KHCT's own operations, newest first: undo the latest after a preview of what it will put back
 * and what it will keep (a co-author's changes). Shown once KHCT has changed something.
 */
export function HistoryCard({ journal, onUndone }: HistoryCardProps): React.JSX.Element | null {
  const s = useStrings();
  const locale = React.useContext(LocaleContext);
  const styles = useStyles();
  const entries = React.useSyncExternalStore(journal.subscribe, journal.entries);
  const [preview, setPreview] = React.useState<UndoPreview | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [stuck, setStuck] = React.useState(false);
  const last = entries[entries.length - 1];

  // A new operation makes an open preview stale.
  React.useEffect(() => setPreview(null), [last?.id]);

  if (!last && !message) return null;

  const guarded = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setMessage({
        intent: "error",
        lines: [format(s.historyError, { message: errorMessage(e, s) })],
      });
    } finally {
      setBusy(false);
    }
  };

  const askPreview = () =>
    guarded(async () => {
      setMessage(null);
      setStuck(false);
      setPreview(await journal.previewLast());
    });

  const undo = () =>
    guarded(async () => {
      setPreview(null);
      const outcome: UndoOutcome | null = await journal.undoLast();
      if (!outcome) return;
      const what = s[KIND[outcome.entry.kind]];
      const nothing =
        !outcome.whole &&
        outcome.restored === 0 &&
        outcome.removed === 0 &&
        outcome.refused.length > 0;
      setStuck(nothing);
      const lines = nothing
        ? [s.historyNothing, ...refusalTexts(s, outcome.refused)]
        : [
            outcome.whole
              ? format(s.historyDoneWhole, { what })
              : format(s.historyDone, {
                  what,
                  cells: `${outcome.restored}`,
                  rows: `${outcome.removed}`,
                }),
            ...(outcome.tableKept ? [s.historyTableKept] : []),
            ...refusalTexts(s, outcome.refused),
          ];
      setMessage({
        intent: nothing || outcome.refused.length > 0 || outcome.tableKept ? "warning" : "success",
        lines,
      });
      if (!nothing) onUndone();
    });

  const previewLines = preview
    ? [
        preview.whole
          ? preview.entry.kind === "format"
            ? s.historyPreviewFormat
            : s.historyPreviewFile
          : format(s.historyPreviewCells, {
              cells: `${preview.restore}`,
              rows: `${preview.remove}`,
            }),
        ...refusalTexts(s, preview.refused),
      ]
    : [];
  const earlier = entries.slice(0, -1).reverse();

  return (
    <Card className={styles.card} aria-label={s.historyTitle}>
      <Subtitle2 as="h2">{s.historyTitle}</Subtitle2>
      <Caption1>{s.historyIntro}</Caption1>
      {last && (
        <>
          <Caption1>{format(s.historyLast, { what: describeEntry(s, last, locale) })}</Caption1>
          {!preview && (
            <div className={styles.row}>
              <Button size="small" disabled={busy} onClick={() => void askPreview()}>
                {s.historyUndo}
              </Button>
              {stuck && (
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={busy}
                  onClick={() => {
                    journal.forgetLast();
                    setStuck(false);
                    setMessage(null);
                  }}
                >
                  {s.historyForget}
                </Button>
              )}
              {busy && <Spinner size="tiny" />}
            </div>
          )}
        </>
      )}
      {preview && (
        <MessageBar intent="info" layout="multiline" role="status">
          <MessageBarBody>
            {previewLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            <div className={styles.row}>
              {preview.whole || preview.restore + preview.remove > 0 ? (
                <Button
                  size="small"
                  appearance="primary"
                  disabled={busy}
                  onClick={() => void undo()}
                >
                  {s.historyConfirm}
                </Button>
              ) : (
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    journal.forgetLast();
                    setPreview(null);
                  }}
                >
                  {s.historyForget}
                </Button>
              )}
              <Button size="small" disabled={busy} onClick={() => setPreview(null)}>
                {s.historyCancel}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} layout="multiline" role="status">
          <MessageBarBody>
            {message.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>{format(s.historyEarlier, { count: `${earlier.length}` })}</summary>
          <ul className={styles.list}>
            {earlier.map((entry) => (
              <li key={entry.id}>
                <Caption1>{describeEntry(s, entry, locale)}</Caption1>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
