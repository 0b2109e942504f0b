/**
 * Co-authoring: KHCT hears about changes to the document and re-reads, so nothing it shows is stale.
 * Word: paragraph added/changed/deleted events (WordApi 1.6); Excel: worksheet changes (ExcelApi 1.7).
 * Both carry a source, Local or Remote (a co-author). The handlers only report; they never open UI
 * and never write.
 */
import type { BatchRunner } from "./adapter";

export type ChangeSource = "Local" | "Remote";

export interface ChangeWatcher {
  /** Starts listening (one sync); resolves to the function that stops (one sync). */
  start(onChange: (source: ChangeSource) => void): Promise<() => Promise<void>>;
}

/** An event handler result: removed in the request context it was added in, as Office requires. */
interface Registration {
  remove(): void;
  readonly context: { sync(): Promise<unknown> };
}

async function removeAll(registrations: readonly Registration[]): Promise<void> {
  for (const r of registrations) r.remove();
  const context = registrations[0]?.context;
  if (context) await context.sync();
}

const sourceOf = (event: { source?: string }): ChangeSource =>
  event.source === "Remote" ? "Remote" : "Local";

export function createWordChangeWatcher(
  run: BatchRunner<Word.RequestContext> = (batch) => Word.run(batch)
): ChangeWatcher {
  return {
    async start(onChange) {
      const handler = async (event: { source?: string }) => onChange(sourceOf(event));
      const registrations = await run(async (context) => {
        const document = context.document;
        const added: Registration[] = [
          document.onParagraphAdded.add(handler),
          document.onParagraphChanged.add(handler),
          document.onParagraphDeleted.add(handler),
        ];
        await context.sync();
        return added;
      });
      return () => removeAll(registrations);
    },
  };
}

export function createExcelChangeWatcher(
  run: BatchRunner<Excel.RequestContext> = (batch) => Excel.run(batch)
): ChangeWatcher {
  return {
    async start(onChange) {
      const handler = async (event: { source?: string }) => onChange(sourceOf(event));
      const registration = await run(async (context) => {
        const added: Registration = context.workbook.worksheets.onChanged.add(handler);
        await context.sync();
        return added;
      });
      return () => removeAll([registration]);
    },
  };
}
