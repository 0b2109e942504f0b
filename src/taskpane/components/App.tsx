import { createWriteToken, underToken } from "../../hosts/ownWrites";
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
import { usePlan } from "../hooks/usePlan";
import { CataloguePanel } from "./CataloguePanel";
import { FileModeCard } from "./FileModeCard";
import { HistoryCard } from "./HistoryCard";
import { createJournal, journaled } from "../../hosts/journal";
import type { FileDocument } from "../../hosts/file/fileDocument";
import { PlanIdentityCard } from "./PlanIdentityCard";
import { useLocale } from "../hooks/useLocale";
import { LocaleContext, useStrings } from "../hooks/useStrings";
import { format, localeFromDisplayLanguage } from "../strings";
import { HostBanner } from "./HostBanner";
import { PanelGuard } from "./PanelGuard";
import { LanguageSwitch } from "./LanguageSwitch";
import { Navigation, PanelId } from "./Navigation";

// Panels other than the first (the catalogue) load when first opened: the initial task pane
// JavaScript carries only the shell and the catalogue.
const PlanPanel = React.lazy(() =>
  import(/* webpackChunkName: "plan" */ "./PlanPanel").then((m) => ({ default: m.PlanPanel }))
);
const CheckPanel = React.lazy(() =>
  import(/* webpackChunkName: "check" */ "./CheckPanel").then((m) => ({ default: m.CheckPanel }))
);
const FormatPanel = React.lazy(() =>
  import(/* webpackChunkName: "format" */ "./FormatPanel").then((m) => ({
    default: m.FormatPanel,
  }))
);
const TrackPanel = React.lazy(() =>
  import(/* webpackChunkName: "track" */ "./TrackPanel").then((m) => ({ default: m.TrackPanel }))
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
  adapter: officeAdapter,
  planHost: officePlanHost,
  checkHost: officeCheckHost,
  formatHost: officeFormatHost,
  changes,
  languageSwitch,
}: ShellProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [panel, setPanel] = React.useState<PanelId>("catalogue");
  // Outside Office, a file opened from disk stands in for the document.
  const [file, setFile] = React.useState<FileDocument | null>(null);
  const [undos, setUndos] = React.useState(0);
  // An undo changes the document: the panels read it again.
  React.useEffect(
    () => file?.subscribe((event) => event === "undo" && setUndos((u) => u + 1)),
    [file]
  );
  const fileMode = info.kind === "none";
  // KHCT's own writes hold this token: the change events they raise do not cause a re-read.
  const token = React.useMemo(() => createWriteToken(), []);
  const watched = useChangeWatcher(fileMode ? null : changes, undefined, token);
  const tokenAdapter = React.useMemo(
    () => underToken(officeAdapter, token, ["writeSettings", "insertAtSelection"]),
    [officeAdapter, token]
  );
  const adapter = fileMode ? (file?.adapter ?? null) : tokenAdapter;
  // KHCT's own history: one per Office document, a new one per file opened outside Office.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `file`: a new history for each file opened
  const journal = React.useMemo(() => createJournal(), [file]);
  const { planHost, checkHost, formatHost } = React.useMemo(
    () =>
      journaled(
        fileMode
          ? {
              planHost: file?.planHost ?? null,
              checkHost: file?.checkHost ?? null,
              formatHost: file?.formatHost ?? null,
            }
          : {
              planHost: underToken(officePlanHost, token, [
                "applyPatch",
                "insertTable",
                "insertReport",
                "addProgressColumns",
              ]),
              checkHost: underToken(officeCheckHost, token, [
                "applyEdits",
                "setDismissed",
                "attachComments",
              ]),
              formatHost: underToken(officeFormatHost, token, ["applyFormat", "undoFormat"]),
            },
        journal,
        fileMode ? file : null
      ),
    [fileMode, file, journal, officePlanHost, officeCheckHost, officeFormatHost, token]
  );
  const plan = usePlan(adapter);
  const framework = plan.choice?.framework ?? null;
  const insert = React.useMemo(
    () => (adapter && adapter.kind !== "file" ? adapter.insertAtSelection.bind(adapter) : null),
    [adapter]
  );
  const panelKey = `${framework?.id ?? ""}:${file?.name ?? ""}:${undos}`;
  const hostLabel = info.kind === "word" ? s.hostWord : info.kind === "excel" ? s.hostExcel : null;
  return (
    <DocumentVersionContext.Provider value={watched.version}>
      <main className={styles.root}>
        {/* Once a document or a file is open, the header is one line: the work comes first. */}
        <header className={styles.header}>
          <div className={adapter ? styles.titlesCompact : styles.titles}>
            <Subtitle1 as="h1">{s.appTitle}</Subtitle1>
            {!adapter && <Caption1>{s.appSubtitle}</Caption1>}
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
        {fileMode && <FileModeCard file={file} onFile={setFile} level={plan.level} />}
        <HistoryCard
          key={file?.name ?? "document"}
          journal={journal}
          onUndone={() => setUndos((u) => u + 1)}
        />
        <PlanIdentityCard plan={plan} hasDocument={adapter !== null} inFile={fileMode} />
        <Navigation selected={panel} onSelect={setPanel} />
        <section role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
          <PanelGuard resetKey={`${panel}:${panelKey}`}>
            <React.Suspense fallback={<Spinner size="small" label={s.panelLoading} />}>
              {panel === "format" ? (
                <FormatPanel
                  key={panelKey}
                  framework={framework}
                  host={formatHost}
                  hostKind={
                    fileMode
                      ? file?.kind === "xlsx"
                        ? "excel"
                        : "file"
                      : info.kind === "excel"
                        ? "excel"
                        : "word"
                  }
                  unavailable={
                    info.kind === "excel" && info.gaps.some((g) => g.feature === "pageSetup")
                      ? s.formatNeedsNewerExcel
                      : null
                  }
                />
              ) : !framework || !plan.level ? (
                <Caption1>{s.levelChoose}</Caption1>
              ) : panel === "track" ? (
                <TrackPanel
                  key={panelKey}
                  framework={framework}
                  host={checkHost}
                  tables={planHost}
                />
              ) : panel === "check" ? (
                <CheckPanel
                  key={panelKey}
                  framework={framework}
                  level={plan.level}
                  viewPlaces={fileMode}
                  host={checkHost}
                />
              ) : panel === "catalogue" ? (
                <CataloguePanel framework={framework} insert={insert} />
              ) : (
                <PlanPanel
                  key={panelKey}
                  framework={framework}
                  year={plan.identity?.schoolYear ?? null}
                  host={planHost}
                />
              )}
            </React.Suspense>
          </PanelGuard>
        </section>
      </main>
    </DocumentVersionContext.Provider>
  );
}
