import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { useStrings } from "../hooks/useStrings";
import { format } from "../strings";

interface BoundaryProps {
  readonly children: React.ReactNode;
  readonly text: (message: string) => string;
  readonly reload: string;
  /** A new key (another panel, another document) starts afresh. */
  readonly resetKey: string;
}

interface BoundaryState {
  readonly error: Error | null;
  readonly key: string;
}

/**
 * React catches render errors only in a class component (componentDidCatch/getDerivedStateFromError
 * have no hook); this one keeps a panel's failure to the panel: a Vietnamese message and a way to
 * open it again, instead of a blank pane.
 */
class Boundary extends React.Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: BoundaryProps,
    state: BoundaryState
  ): Partial<BoundaryState> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>{this.props.text(this.state.error.message)}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => this.setState({ error: null })}>
            {this.props.reload}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

/** A panel's error boundary, in the user's language. */
export function PanelGuard({
  children,
  resetKey,
}: {
  readonly children: React.ReactNode;
  readonly resetKey: string;
}): React.JSX.Element {
  const s = useStrings();
  return (
    <Boundary
      resetKey={resetKey}
      reload={s.panelReload}
      text={(message) => format(s.panelError, { message })}
    >
      {children}
    </Boundary>
  );
}
