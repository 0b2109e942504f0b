import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostInfo } from "../../hosts/office";
import { useStrings } from "../hooks/useStrings";
import { FEATURE_LABEL, format } from "../strings";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface HostBannerProps {
  readonly info: HostInfo;
  /** Outside Office with a file open: the file card says where KHCT works; no banner. */
  readonly fileOpen?: boolean;
}

/** Says where the pane runs, and what it cannot do there. */
export function HostBanner({ info, fileOpen = false }: HostBannerProps): React.JSX.Element | null {
  const s = useStrings();
  const styles = useStyles();
  if (info.kind === "none") {
    if (fileOpen) return null;
    return (
      <MessageBar intent="warning" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{s.noHostTitle}</MessageBarTitle> {s.noHostBody}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (info.kind === "unsupported") {
    return (
      <MessageBar intent="error" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{s.unsupportedHostTitle}</MessageBarTitle> {s.unsupportedHostBody}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (info.gaps.length === 0) return null;
  const essential = info.gaps.some((gap) => gap.essential);
  const sets = [
    ...new Set(info.gaps.flatMap((gap) => gap.missing.map((m) => `${m.name} ${m.minVersion}`))),
  ];
  return (
    <MessageBar intent={essential ? "error" : "info"} layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{essential ? s.gapsEssentialTitle : s.gapsOptionalTitle}</MessageBarTitle>
        <ul className={styles.list}>
          {info.gaps.map((gap) => (
            <li key={gap.feature}>{s[FEATURE_LABEL[gap.feature]]}</li>
          ))}
        </ul>
        {format(s.gapsHelp, { sets: sets.join(", ") })}
      </MessageBarBody>
    </MessageBar>
  );
}
