/**
 * Batch runners that count round-trips: each context.sync() of every batch they run. The self-test
 * reports each verb's count from them; by default they run Word.run / Excel.run.
 */
import type { BatchRunner } from "./adapter";

interface Syncable {
  sync(): Promise<unknown>;
}

export interface CountingRunners {
  readonly word: BatchRunner<Word.RequestContext>;
  readonly excel: BatchRunner<Excel.RequestContext>;
  /** Round-trips so far. */
  count(): number;
}

export function countingRunners(
  word: BatchRunner<Word.RequestContext> = (batch) => Word.run(batch),
  excel: BatchRunner<Excel.RequestContext> = (batch) => Excel.run(batch)
): CountingRunners {
  let syncs = 0;
  const counted =
    <C extends Syncable>(run: BatchRunner<C>): BatchRunner<C> =>
    (batch) =>
      run((context) => {
        const sync = context.sync.bind(context);
        // An own property in front of the prototype's method: the batch's syncs go through it.
        Object.defineProperty(context, "sync", {
          configurable: true,
          value: () => {
            syncs++;
            return sync();
          },
        });
        return batch(context);
      });
  return { word: counted(word), excel: counted(excel), count: () => syncs };
}
