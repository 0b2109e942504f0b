import { createContext, useContext, useEffect, useState } from "react";
import type { ChangeSource, ChangeWatcher } from "../../hosts/changes";
import type { WriteToken } from "../../hosts/ownWrites";
import { errorMessage } from "../errors";
import { useStringsRef } from "./useStrings";

/** Bumped after the document changed (a co-author, or the user): panels read it again. */
export const DocumentVersionContext = createContext(0);

export function useDocumentVersion(): number {
  return useContext(DocumentVersionContext);
}

/**
 * Listens to the document's changes and turns a burst of them into one new version, after a
 * quiet moment (typing raises an event per paragraph). `remote` says a co-author changed it.
 * The event handler only sets state: no dialog ever opens from an event.
 */
export function useChangeWatcher(
  watcher: ChangeWatcher | null,
  quietMs = 1500,
  /** KHCT's own writes: a Local change during or just after one is not re-read (hosts/ownWrites.ts). */
  token: WriteToken | null = null
): { version: number; remote: boolean; clearRemote(): void; failed: string | null } {
  const [version, setVersion] = useState(0);
  const [remote, setRemote] = useState(false);
  /** Why listening could not start (the Office error's message): the pane says so, never hides it. */
  const [failed, setFailed] = useState<string | null>(null);
  const strings = useStringsRef();
  useEffect(() => {
    if (!watcher) return;
    let stop: (() => Promise<void>) | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let sawRemote = false;
    const onChange = (source: ChangeSource) => {
      if (source === "Local" && token?.own()) return;
      sawRemote ||= source === "Remote";
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        setVersion((v) => v + 1);
        if (sawRemote) setRemote(true);
        sawRemote = false;
      }, quietMs);
    };
    watcher.start(onChange).then(
      (s) => {
        if (stopped) void s().catch(() => undefined);
        else stop = s;
      },
      // Without events the pane still works (the user re-reads by hand), and says so.
      (error: unknown) => {
        if (!stopped) setFailed(errorMessage(error, strings.current));
      }
    );
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [watcher, quietMs, token, strings]);
  return { version, remote, clearRemote: () => setRemote(false), failed };
}
