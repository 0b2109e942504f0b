/**
 * Everything below the pane's header: the file card, KHCT's history, the plan's identity, the tabs
 * and their panels. Its own chunk, loaded as the shell first paints (App.tsx): the shell's
 * JavaScript stays small and the pane shows at once.
 */
import * as React from "react";
import { Caption1, Spinner } from "@fluentui/react-components";
import type { CheckHost, FormatHost, HostAdapter, PlanTableHost } from "../../hosts/adapter";
import type { FileDocument } from "../../hosts/file/fileDocument";
import { createJournal, journaled } from "../../hosts/journal";
import type { HostInfo } from "../../hosts/office";
import { underToken, type WriteToken } from "../../hosts/ownWrites";
import { usePlan } from "../hooks/usePlan";
import { useStrings } from "../hooks/useStrings";
import { createPaneStore, PaneStoreContext } from "../paneStore";
import { CataloguePanel } from "./CataloguePanel";
import { FileModeCard } from "./FileModeCard";
import { HistoryCard } from "./HistoryCard";
import { Navigation, type PanelId } from "./Navigation";
import { PanelGuard } from "./PanelGuard";
import { PlanIdentityCard } from "./PlanIdentityCard";

// Panels other than the first (the catalogue) load when first opened.
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

export interface WorkspaceProps {
  readonly info: HostInfo;
  /** Office's hosts (null outside Office: the file's stand in). */
  readonly adapter: HostAdapter | null;
  readonly planHost: PlanTableHost | null;
  readonly checkHost: CheckHost | null;
  readonly formatHost: FormatHost | null;
  /** KHCT's writes: run one at a time, and their change events not taken for a co-author's. */
  readonly token: WriteToken;
  /** Outside Office, the file opened from disk. */
  readonly file: FileDocument | null;
  readonly onFile: (file: FileDocument | null) => void;
}

export function Workspace({
  info,
  adapter: officeAdapter,
  planHost: officePlanHost,
  checkHost: officeCheckHost,
  formatHost: officeFormatHost,
  token,
  file,
  onFile,
}: WorkspaceProps): React.JSX.Element {
  const s = useStrings();
  const [panel, setPanel] = React.useState<PanelId>("catalogue");
  const [undos, setUndos] = React.useState(0);
  // An undo changes the document: the panels read it again.
  React.useEffect(
    () => file?.subscribe((event) => event === "undo" && setUndos((u) => u + 1)),
    [file]
  );
  const fileMode = info.kind === "none";
  const tokenAdapter = React.useMemo(
    () => underToken(officeAdapter, token, ["writeSettings", "insertAtSelection"]),
    [officeAdapter, token]
  );
  const adapter = fileMode ? (file?.adapter ?? null) : tokenAdapter;
  // KHCT's own history: one per Office document, a new one per file opened outside Office.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `file`: a new history for each file opened
  const journal = React.useMemo(() => createJournal(), [file]);
  // Every write verb runs under the token, in Office and on a file alike: two panels' writes never
  // interleave (the token runs them one after the other).
  const { planHost, checkHost, formatHost } = React.useMemo(
    () =>
      journaled(
        {
          planHost: underToken(fileMode ? (file?.planHost ?? null) : officePlanHost, token, [
            "applyPatch",
            "insertTable",
            "insertReport",
            "addProgressColumns",
          ]),
          checkHost: underToken(fileMode ? (file?.checkHost ?? null) : officeCheckHost, token, [
            "applyEdits",
            "setDismissed",
            "attachComments",
          ]),
          formatHost: underToken(fileMode ? (file?.formatHost ?? null) : officeFormatHost, token, [
            "applyFormat",
            "undoFormat",
          ]),
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
  // What the panels keep across tab switches: a new store for each document state they key on.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `panelKey`: a new store when the panels are remade
  const store = React.useMemo(() => createPaneStore(), [panelKey]);
  return (
    <PaneStoreContext.Provider value={store}>
      {fileMode && <FileModeCard file={file} onFile={onFile} level={plan.level} />}
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
              <TrackPanel key={panelKey} framework={framework} host={checkHost} tables={planHost} />
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
    </PaneStoreContext.Provider>
  );
}
