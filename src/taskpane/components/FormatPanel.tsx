import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Framework } from "../../core/catalogue";
import { formatSession, type FormatSession } from "../../core/format/session";
import { ND30_PROFILE } from "../../core/format/profile";
import type { FormatHost } from "../../hosts/adapter";
import { useDocumentVersion } from "../hooks/useDocumentVersion";
import { errorMessage } from "../errors";
import { useLatestRun } from "../hooks/useLatestRun";
import { LocaleContext, useStrings, useStringsRef } from "../hooks/useStrings";
import { render } from "../../core/messages";
import { ActionResult } from "./ActionResult";
import { format } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FormatPanelProps {
  /** null until the plan's level is known. */
  readonly framework: Framework | null;
  /** null outside Office (and in file mode for now). */
  readonly host: FormatHost | null;
  readonly hostKind: "word" | "excel" | "file";
  /** Why there is no host, when Office is there but too old for formatting. */
  readonly unavailable?: string | null;
}

type Message = { intent: "success" | "warning" | "error"; text: string };

/** "Định dạng": what is off against the NĐ 30/2020 profile, a preview, one action to apply (undone from KHCT's history). */
export function FormatPanel({
  framework,
  host,
  hostKind,
  unavailable = null,
}: FormatPanelProps): React.JSX.Element {
  const s = useStrings();
  const locale = React.useContext(LocaleContext);
  const strings = useStringsRef();
  const styles = useStyles();
  const [session, setSession] = React.useState<FormatSession | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<Message | null>(null);
  const version = useDocumentVersion();

  const begin = useLatestRun();
  const read = React.useCallback(async () => {
    if (!host || !framework) return;
    const current = begin();
    setBusy(true);
    try {
      const found = await host.readFormat();
      if (current()) setSession(formatSession(found, framework, hostKind));
    } catch (error) {
      if (!current()) return;
      setMessage({
        intent: "error",
        text: format(strings.current.formatReadError, {
          message: errorMessage(error, strings.current),
        }),
      });
    } finally {
      if (current()) setBusy(false);
    }
  }, [host, framework, hostKind, strings, begin]);

  // Read again after the document changed (`version`).
  React.useEffect(() => {
    void read();
  }, [read, version]);

  if (!host || !framework) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          {!host ? (unavailable ?? s.formatPlaceholder) : s.levelChoose}
        </MessageBarBody>
      </MessageBar>
    );
  }

  const apply = async () => {
    if (!session) return;
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await host.applyFormat(session.plan);
      if (outcome.ok) {
        setMessage({
          intent: outcome.skipped ? "warning" : "success",
          text:
            format(s.formatDone, { cells: String(outcome.written) }) +
            (outcome.skipped
              ? ` ${format(s.fillSkipped, { count: String(outcome.skipped) })}`
              : ""),
        });
      } else {
        setMessage({
          intent: "warning",
          text: outcome.reason === "changed" ? s.formatChanged : s.fillGone,
        });
      }
      await read();
    } catch (error) {
      setMessage({
        intent: "error",
        text: format(s.formatError, { message: errorMessage(error, s) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>
        {format(s.formatProfile, { name: ND30_PROFILE.name })}
      </Caption1>
      {busy && !session && <Spinner size="tiny" label={s.formatReading} />}
      {session && (
        <section aria-label={s.previewHeading} className={styles.root}>
          <Subtitle2 as="h3">{s.previewHeading}</Subtitle2>
          {session.changes.length === 0 ? (
            <Body1>{s.formatNothing}</Body1>
          ) : (
            <ul className={styles.list}>
              {session.changes.map((c) => (
                <li key={c.id}>{render(c.said.label, locale)}</li>
              ))}
            </ul>
          )}
          {!session.target && <Caption1>{s.formatNoTable}</Caption1>}
          <Caption1 className={styles.muted}>{s.formatKeepsWords}</Caption1>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy || session.changes.length === 0}
              onClick={() => void apply()}
            >
              {busy ? s.formatApplying : s.formatApply}
            </Button>
            <Button appearance="subtle" disabled={busy} onClick={() => void read()}>
              {s.formatRecheck}
            </Button>
          </div>
        </section>
      )}
      {session && session.manual.length > 0 && (
        <section aria-label={s.formatManualHeading} className={styles.root}>
          <Subtitle2 as="h3">{s.formatManualHeading}</Subtitle2>
          <ul className={styles.list}>
            {session.manual.map((c) => (
              <li key={c.id}>
                {render(c.said.label, locale)}
                {c.said.manual && <Caption1 block>{render(c.said.manual, locale)}</Caption1>}
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
