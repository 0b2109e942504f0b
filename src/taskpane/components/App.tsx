import * as React from "react";
import {
  Caption1,
  FluentProvider,
  Subtitle1,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { HostInfo } from "../../hosts/office";
import { useLocale } from "../hooks/useLocale";
import { LocaleContext, useStrings } from "../hooks/useStrings";
import { localeFromDisplayLanguage, type StringKey } from "../strings";
import { HostBanner } from "./HostBanner";
import { LanguageSwitch } from "./LanguageSwitch";
import { Navigation, PanelId } from "./Navigation";
import { PanelPlaceholder } from "./PanelPlaceholder";

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
  host: { color: tokens.colorNeutralForeground3 },
});

const PLACEHOLDERS: Readonly<Record<PanelId, StringKey>> = {
  catalogue: "cataloguePlaceholder",
  plan: "planPlaceholder",
  check: "checkPlaceholder",
  format: "formatPlaceholder",
};

export interface AppProps {
  readonly info: HostInfo;
}

/** The task pane: language and theme from Office, then the shell. */
export function App({ info }: AppProps): React.JSX.Element {
  const [locale, setLocale] = useLocale(localeFromDisplayLanguage(info.displayLanguage));
  const styles = useStyles();
  React.useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={locale}>
      <FluentProvider
        className={styles.provider}
        theme={info.theme === "dark" ? webDarkTheme : webLightTheme}
        lang={locale}
      >
        <Shell
          info={info}
          languageSwitch={<LanguageSwitch locale={locale} onChange={setLocale} />}
        />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

interface ShellProps {
  readonly info: HostInfo;
  readonly languageSwitch: React.ReactNode;
}

function Shell({ info, languageSwitch }: ShellProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const [panel, setPanel] = React.useState<PanelId>("catalogue");
  const hostLabel = info.kind === "word" ? s.hostWord : info.kind === "excel" ? s.hostExcel : null;
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Subtitle1 as="h1">{s.appTitle}</Subtitle1>
          <Caption1>{s.appSubtitle}</Caption1>
          {hostLabel && <Caption1 className={styles.host}>{hostLabel}</Caption1>}
        </div>
        <div>{languageSwitch}</div>
      </header>
      <HostBanner info={info} />
      <Navigation selected={panel} onSelect={setPanel} />
      <section role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        <PanelPlaceholder description={s[PLACEHOLDERS[panel]]} />
      </section>
    </main>
  );
}
