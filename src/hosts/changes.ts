/**
 * Co-authoring: KHCT hears about changes to the document and re-reads, so nothing it shows is stale.
 * Word: paragraph added/changed/deleted events (WordApi 1.6); Excel: worksheet changes — the
 * workbook-wide `worksheets.onChanged` is ExcelApi 1.9, so on 1.7–1.8 (Excel 2019 volume licence)
 * each sheet's own `onChanged` (ExcelApi 1.7) is used, with `worksheets.onAdded` (1.7) for new sheets.
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

export interface ExcelWatchOptions {
  /**
   * ExcelApi 1.9 is present: one workbook-wide handler (WorksheetCollection.onChanged, [Api set:
   * ExcelApi 1.9] in @types/office-js). Without it, one handler per sheet (Worksheet.onChanged,
   * ExcelApi 1.7); a sheet added later is heard as a change, and watched from the next start.
   */
  readonly workbookEvents: boolean;
}

export function createExcelChangeWatcher(
  run: BatchRunner<Excel.RequestContext> = (batch) => Excel.run(batch),
  options: ExcelWatchOptions = { workbookEvents: true }
): ChangeWatcher {
  return {
    async start(onChange) {
      // A change the add-in itself made (triggerSource, ExcelApi 1.14; absent before) is not news.
      const handler = async (event: { source?: string; triggerSource?: string }) => {
        if (event.triggerSource === "ThisLocalAddin") return;
        onChange(sourceOf(event));
      };
      const registrations = await run(async (context) => {
        const worksheets = context.workbook.worksheets;
        if (options.workbookEvents) {
          const added: Registration = worksheets.onChanged.add(handler);
          await context.sync();
          return [added];
        }
        worksheets.load("items/name");
        await context.sync();
        const added: Registration[] = [
          ...worksheets.items.map((sheet) => sheet.onChanged.add(handler)),
          worksheets.onAdded.add(handler),
        ];
        await context.sync();
        return added;
      });
      return () => removeAll(registrations);
    },
  };
}
