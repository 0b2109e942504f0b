/**
 * Excel adapter. Settings live in the workbook's settings (ExcelApi 1.4), stored in the file;
 * `settingsChanged` fires only on the web, so KHCT re-reads them on every operation instead of
 * waiting for an event.
 */
import { parseSettings, serializeSettings, SETTINGS_KEY } from "../../core/plan/settings";
import type { BatchRunner, HostAdapter, InsertResult, PlanContext } from "../adapter";

/** The block of each sheet read for the plan's identity (title, school, year, citations). */
export const IDENTITY_RANGE = "A1:T200";

/**
 * Text as text. Range.values takes a string "as if typed": Excel turns one that looks like a
 * formula, a number, a date or time, a percentage or TRUE/FALSE into that ("1.10" becomes 1.1,
 * "15/9/2026" a date, "007" 7). KHCT writes the school's words, so such a string gets Excel's
 * leading apostrophe, which keeps it as typed and is not shown. Plain whole numbers ("3", a row's
 * TT) stay numbers: Excel shows them as written.
 */
export function asCellText(text: string): string {
  const t = text.trim();
  const parsed =
    /^[=+\-@]/.test(text) ||
    (/^[-+(]?[\d.,\s]*\d[\d.,\s]*%?\)?$/.test(t) && !/^(0|[1-9]\d{0,14})$/.test(t)) ||
    /^\d{1,4}\s*[/.-]\s*\d{1,2}(\s*[/.-]\s*\d{1,4})?$/.test(t) ||
    /^\d{1,2}\s*[/-]\s*\d{4}$/.test(t) ||
    /^\d{1,2}:\d{2}/.test(t) ||
    /^\d+\s+\d+\/\d+$/.test(t) ||
    /^(true|false)$/i.test(t);
  return parsed ? `'${text}` : text;
}

export function createExcelAdapter(
  run: BatchRunner<Excel.RequestContext> = (batch) => Excel.run(batch)
): HostAdapter {
  return {
    kind: "excel",

    readPlanContext(): Promise<PlanContext> {
      return run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        const stored = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        stored.load("value");
        await context.sync();
        const ranges = sheets.items.map((sheet) => sheet.getRange(IDENTITY_RANGE).load("values"));
        await context.sync();
        const paragraphs = ranges.flatMap((range) =>
          range.values.flatMap((row) =>
            row.map((value) => String(value ?? "").trim()).filter((value) => value !== "")
          )
        );
        return { paragraphs, settings: stored.isNullObject ? null : parseSettings(stored.value) };
      });
    },

    writeSettings(settings): Promise<void> {
      return run(async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, serializeSettings(settings));
        await context.sync();
      });
    },

    insertAtSelection(text, options = {}): Promise<InsertResult> {
      return run(async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("address,values,formulas");
        await context.sync();
        const where = cell.address;
        const formula = String(cell.formulas[0]?.[0] ?? "");
        if (formula.startsWith("=")) return { ok: false, reason: "formula", where };
        const current = String(cell.values[0]?.[0] ?? "");
        if (current !== "" && !options.append)
          return { ok: false, reason: "occupied", where, current };
        cell.values = [[asCellText(current === "" ? text : `${current}\n${text}`)]];
        await context.sync();
        return { ok: true, where };
      });
    },
  };
}
