import { useCallback, useEffect, useRef } from "react";

/**
 * Stale reads are discarded: each read takes a ticket, and only the latest one started (while the
 * panel is still shown) may set what the panel displays. A slow read that resolves after a newer
 * one — the document changed meanwhile, or the user pressed "Kiểm tra lại" — is dropped.
 */
export function useLatestRun(): () => () => boolean {
  const latest = useRef(0);
  // Unmounted: no ticket is current any more.
  useEffect(
    () => () => {
      latest.current++;
    },
    []
  );
  return useCallback(() => {
    const ticket = ++latest.current;
    return () => latest.current === ticket;
  }, []);
}
