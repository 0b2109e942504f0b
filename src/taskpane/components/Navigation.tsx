import * as React from "react";
import { Tab, TabList, makeStyles } from "@fluentui/react-components";
import { useStrings } from "../hooks/useStrings";
import type { StringKey } from "../strings";

export type PanelId = "catalogue" | "plan" | "check" | "format" | "track";

export const PANELS: readonly { readonly id: PanelId; readonly label: StringKey }[] = [
  { id: "catalogue", label: "tabCatalogue" },
  { id: "plan", label: "tabPlan" },
  { id: "check", label: "tabCheck" },
  { id: "format", label: "tabFormat" },
  { id: "track", label: "tabTrack" },
];

const useStyles = makeStyles({
  // A task pane can be 320 px wide: let the tabs wrap instead of overflowing.
  tabs: { flexWrap: "wrap" },
});

export interface NavigationProps {
  readonly selected: PanelId;
  readonly onSelect: (panel: PanelId) => void;
}

export function Navigation({ selected, onSelect }: NavigationProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      size="small"
      aria-label={s.navLabel}
      selectedValue={selected}
      onTabSelect={(_, data) => onSelect(data.value as PanelId)}
    >
      {PANELS.map((panel) => (
        <Tab
          key={panel.id}
          value={panel.id}
          id={`tab-${panel.id}`}
          aria-controls={`panel-${panel.id}`}
        >
          {s[panel.label]}
        </Tab>
      ))}
    </TabList>
  );
}
