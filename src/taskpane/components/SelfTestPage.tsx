import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostInfo } from "../../hosts/office";
import { REQUIREMENTS } from "../../hosts/requirements";
import { runSelfTest, type StepResult } from "../../hosts/selfTest";
import type { PaneHosts } from "../hosts";
import { LocaleContext } from "../hooks/useStrings";
import { useStrings } from "../hooks/useStrings";
import { format, localeFromDisplayLanguage } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXS,
    verticalAlign: "top",
    textAlign: "left",
  },
});

export interface SelfTestPageProps {
  readonly info: HostInfo;
  readonly hosts: PaneHosts;
  /** Round-trips so far (hosts/counting.ts). */
  readonly syncs: () => number;
}

/** The sets worth reporting for the host: every set a feature of KHCT declares, and 1.9 / 1.14 of Excel. */
function setsOf(info: HostInfo): string[] {
  if (info.kind !== "word" && info.kind !== "excel") return [];
  const declared = REQUIREMENTS[info.kind].flatMap((r) =>
    r.sets.map((s) => `${s.name} ${s.minVersion}`)
  );
  const extra = info.kind === "excel" ? ["ExcelApi 1.9", "ExcelApi 1.14"] : [];
  return [...new Set([...declared, ...extra])].sort();
}

function SelfTest({ info, hosts, syncs }: SelfTestPageProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [results, setResults] = React.useState<StepResult[]>([]);
  const [running, setRunning] = React.useState(false);
  const kind = info.kind === "word" || info.kind === "excel" ? info.kind : null;
  const start = async () => {
    if (!kind) return;
    setRunning(true);
    setResults([]);
    try {
      await runSelfTest({ kind, ...hosts }, syncs, {
        onStep: (r) => setResults((all) => [...all, r]),
      });
    } finally {
      setRunning(false);
    }
  };
  const label: Readonly<Record<StepResult["outcome"], string>> = {
    pass: s.selfTestPass,
    fail: s.selfTestFail,
    unavailable: s.selfTestUnavailable,
  };
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">{s.selfTestTitle}</Subtitle1>
      {!kind ? (
        <MessageBar intent="warning">
          <MessageBarBody>{s.selfTestNeedsOffice}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Body1>{s.selfTestIntro}</Body1>
          <Caption1>
            {format(s.selfTestSets, {
              sets: setsOf(info)
                .map((set) => {
                  const [name, version] = set.split(" ") as [string, string];
                  return `${set} ${info.supports?.(name, version) ? "✓" : "✗"}`;
                })
                .join(", "),
            })}
          </Caption1>
          <Button appearance="primary" disabled={running} onClick={() => void start()}>
            {running ? s.selfTestRunning : s.selfTestRun}
          </Button>
        </>
      )}
      {results.length > 0 && (
        <table className={styles.table} aria-label={s.selfTestTitle}>
          <thead>
            <tr>
              {[s.selfTestVerb, s.selfTestOutcome, s.selfTestSyncs, s.selfTestDetail].map((h) => (
                <th key={h} className={styles.cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.verb}>
                <td className={styles.cell}>{r.verb}</td>
                <td className={styles.cell}>{label[r.outcome]}</td>
                <td className={styles.cell}>{r.syncs}</td>
                <td className={styles.cell}>{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!running && results.length > 0 && (
        <Caption1 role="status">
          {format(s.selfTestSummary, {
            pass: String(results.filter((r) => r.outcome === "pass").length),
            unavailable: String(results.filter((r) => r.outcome === "unavailable").length),
            fail: String(results.filter((r) => r.outcome === "fail").length),
          })}
        </Caption1>
      )}
    </main>
  );
}

/** The self-test page (manifest.selftest.xml opens taskpane.html?selftest). */
export function SelfTestPage(props: SelfTestPageProps): React.JSX.Element {
  return (
    <LocaleContext.Provider value={localeFromDisplayLanguage(props.info.displayLanguage)}>
      <FluentProvider theme={webLightTheme}>
        <SelfTest {...props} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}
