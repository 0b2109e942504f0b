import { createWriteToken } from "../../hosts/ownWrites";
import * as React from "react";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { CheckHost, FormatHost, HostAdapter, PlanTableHost } from "../../hosts/adapter";
import type { ChangeWatcher } from "../../hosts/changes";
import { DocumentVersionContext, useChangeWatcher } from "../hooks/useDocumentVersion";
import type { HostInfo } from "../../hosts/office";
import type { FileDocument } from "../../hosts/file/fileDocument";
import { useLocale } from "../hooks/useLocale";
import { LocaleContext, useStrings } from "../hooks/useStrings";
import { format, localeFromDisplayLanguage } from "../strings";
import { HostBanner } from "./HostBanner";
import { PanelGuard } from "./PanelGuard";
import { LanguageSwitch } from "./LanguageSwitch";

// The shell (header, language, banners) is the initial JavaScript; the rest of the pane — the
// core, the catalogue, the file card, the panels — is its own chunk, requested at the first paint.
const Workspace = React.lazy(() =>
  import(/* webpackChunkName: "workspace" */ "./Workspace").then((m) => ({
    default: m.Workspace,
  }))
);

const useStyles = makeStyles({
  provider: { minHeight: "100vh" },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  titles: { display: "flex", flexDirection: "column" },
  titlesCompact: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  host: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  readonly info: HostInfo;
  /** The document's adapter; null outside Office or on an Office too old for KHCT. */
  readonly adapter?: HostAdapter | null;
  /** The document's plan tables; null outside Office. */
  readonly planHost?: PlanTableHost | null;
  /** Reading, selecting and fixing for the check; null outside Office. */
  readonly checkHost?: CheckHost | null;
  /** Formatting to the NĐ30 profile; null outside Office. */
  readonly formatHost?: FormatHost | null;
  /** The document's change events (co-authoring); null where the host has none. */
  readonly changes?: ChangeWatcher | null;
}

/** Whether the browser asks for a dark page, followed as it changes. */
function usePrefersDark(): boolean {
  const query = React.useMemo(
    () =>
      typeof window !== "undefined" && typeof window.matchMedia === "function"
        ? window.matchMedia("(prefers-color-scheme: dark)")
        : null,
    []
  );
  const subscribe = React.useCallback(
    (notify: () => void) => {
      query?.addEventListener("change", notify);
      return () => query?.removeEventListener("change", notify);
    },
    [query]
  );
  return React.useSyncExternalStore(
    subscribe,
    () => query?.matches ?? false,
    () => false
  );
}

/** The task pane: language and theme from Office, then the shell. */
export function App({
  info,
  adapter = null,
  planHost = null,
  checkHost = null,
  formatHost = null,
  changes = null,
}: AppProps): React.JSX.Element {
  const [locale, setLocale] = useLocale(localeFromDisplayLanguage(info.displayLanguage));
  const styles = useStyles();
  // Office gives its theme; outside Office the browser's setting (prefers-color-scheme) decides.
  const prefersDark = usePrefersDark();
  const dark = info.theme === "dark" || (info.theme === null && prefersDark);
  React.useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={locale}>
      <FluentProvider
        className={styles.provider}
        theme={dark ? webDarkTheme : webLightTheme}
        lang={locale}
      >
        <Shell
          info={info}
          adapter={adapter}
          planHost={planHost}
          checkHost={checkHost}
          formatHost={formatHost}
          changes={changes}
          languageSwitch={<LanguageSwitch locale={locale} onChange={setLocale} />}
        />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

interface ShellProps {
  readonly info: HostInfo;
  readonly adapter: HostAdapter | null;
  readonly planHost: PlanTableHost | null;
  readonly checkHost: CheckHost | null;
  readonly formatHost: FormatHost | null;
  readonly changes: ChangeWatcher | null;
  readonly languageSwitch: React.ReactNode;
}

function Shell({
  info,
  adapter,
  planHost,
  checkHost,
  formatHost,
  changes,
  languageSwitch,
}: ShellProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  // Outside Office, a file opened from disk stands in for the document.
  const [file, setFile] = React.useState<FileDocument | null>(null);
  const fileMode = info.kind === "none";
  // KHCT's own writes hold this token: they run one at a time, and the change events they raise
  // do not cause a re-read.
  const token = React.useMemo(() => createWriteToken(), []);
  const watched = useChangeWatcher(fileMode ? null : changes, undefined, token);
  const open = fileMode ? file !== null : adapter !== null;
  const hostLabel = info.kind === "word" ? s.hostWord : info.kind === "excel" ? s.hostExcel : null;
  return (
    <DocumentVersionContext.Provider value={watched.version}>
      <main className={styles.root}>
        {/* Once a document or a file is open, the header is one line: the work comes first. */}
        <header className={styles.header}>
          <div className={open ? styles.titlesCompact : styles.titles}>
            <Subtitle1 as="h1">{s.appTitle}</Subtitle1>
            {!open && <Caption1>{s.appSubtitle}</Caption1>}
            {hostLabel && <Caption1 className={styles.host}>{hostLabel}</Caption1>}
          </div>
          <div>{languageSwitch}</div>
        </header>
        <HostBanner info={info} fileOpen={fileMode && file !== null} />
        {watched.remote && (
          <MessageBar intent="info" layout="multiline" role="status">
            <MessageBarBody>{s.coauthorChanged}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="transparent" onClick={watched.clearRemote}>
                {s.dismissMessage}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {watched.failed && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{format(s.watchFailed, { message: watched.failed })}</MessageBarBody>
          </MessageBar>
        )}
        <PanelGuard resetKey="workspace">
          <React.Suspense fallback={<Spinner size="small" label={s.panelLoading} />}>
            <Workspace
              info={info}
              adapter={adapter}
              planHost={planHost}
              checkHost={checkHost}
              formatHost={formatHost}
              token={token}
              file={file}
              onFile={setFile}
            />
          </React.Suspense>
        </PanelGuard>
      </main>
    </DocumentVersionContext.Provider>
  );
}
