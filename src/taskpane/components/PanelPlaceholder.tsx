import * as React from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../hooks/useStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  soon: { color: tokens.colorNeutralForeground3 },
});

export interface PanelPlaceholderProps {
  readonly description: string;
}

/** A capability that a later release fills in: says what it will do. */
export function PanelPlaceholder({ description }: PanelPlaceholderProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>{description}</Body1>
      <Caption1 className={styles.soon}>{s.comingSoon}</Caption1>
    </div>
  );
}
