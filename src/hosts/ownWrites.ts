/**
 * KHCT's own writes are not a co-author's change. Word raises its paragraph events, and Excel its
 * worksheet events, for every change, the add-in's included; re-reading the document after each of
 * KHCT's writes would double the round-trips of every action. Excel says who changed a range
 * (WorksheetChangedEventArgs.triggerSource "ThisLocalAddin", ExcelApi 1.14: hosts/changes.ts drops
 * those); Word does not, so the pane's writes hold a token: a Local change that arrives while one
 * runs, or within a short settle time after (Word delivers its events after the sync resolves), is
 * taken as KHCT's own. A Remote change always counts.
 */
export interface WriteToken {
  /**
   * Runs one of KHCT's writes under the token. Writes run one at a time, in the order asked: a
   * second panel's write waits for the first to finish (each reads what it needs in its own batch,
   * so two at once could both see the cell empty and both fill it).
   */
  during<T>(write: () => Promise<T>): Promise<T>;
  /** Whether a Local change arriving now is KHCT's own write. */
  own(): boolean;
}

export function createWriteToken(
  settleMs = 2000,
  now: () => number = () => Date.now()
): WriteToken {
  let running = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  /** The last write asked for; the next one starts when it has settled (resolved or failed). */
  let queue: Promise<unknown> = Promise.resolve();
  return {
    during(write) {
      running++;
      const run = queue.then(async () => {
        try {
          return await write();
        } finally {
          running--;
          lastEnd = now();
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    own() {
      return running > 0 || now() - lastEnd <= settleMs;
    },
  };
}

/** `host` with the named methods run under the token (null stays null). */
export function underToken<T extends object>(
  host: T | null,
  token: WriteToken,
  writes: readonly (keyof T)[]
): T | null {
  if (!host) return null;
  const wrapped: T = { ...host };
  for (const name of writes) {
    const method = host[name];
    if (typeof method !== "function") continue;
    (wrapped as Record<keyof T, unknown>)[name] = (...args: unknown[]) =>
      token.during(() => (method as (...a: unknown[]) => Promise<unknown>).apply(host, args));
  }
  return wrapped;
}
