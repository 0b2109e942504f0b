import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export interface ActionResultProps {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
  /** Move the keyboard focus here when the result appears (the user's action caused it). */
  readonly focus?: boolean;
}

/**
 * What an action did, shown where the action was asked for. Focus moves to it, so a keyboard or
 * screen-reader user hears the result instead of landing on the page's top when the button they
 * pressed goes away (a preview's "Áp dụng", "Điền vào bảng").
 */
export function ActionResult({ intent, text, focus = true }: ActionResultProps): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, text]);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={intent} layout="multiline" role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
