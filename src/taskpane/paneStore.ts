/**
 * The pane's state that outlives a panel. Switching tabs unmounts a panel; what the user picked or
 * edited there (proposals, ticks, a pending progress choice, a search) and what it last read are
 * kept here, one store per document or file (the workspace makes a new one when the file, the
 * framework or the document after an undo changes), so a tab switch loses nothing and does not
 * read the document again when it has not changed.
 */
import * as React from "react";

export type PaneStore = Map<string, unknown>;

export function createPaneStore(): PaneStore {
  return new Map();
}

export const PaneStoreContext = React.createContext<PaneStore | null>(null);

/**
 * Like useState, the value kept in the pane's store under `key` (panel-qualified, e.g.
 * "plan.edits"): a panel opened again starts from where it was left. Without a store (a panel
 * rendered on its own) it is plain state.
 */
export function usePaneState<T>(
  key: string,
  initial: T | (() => T)
): [T, React.Dispatch<React.SetStateAction<T>>] {
  const store = React.useContext(PaneStoreContext);
  const [value, setValue] = React.useState<T>(() =>
    store?.has(key)
      ? (store.get(key) as T)
      : typeof initial === "function"
        ? (initial as () => T)()
        : initial
  );
  React.useEffect(() => {
    store?.set(key, value);
  }, [store, key, value]);
  return [value, setValue];
}
