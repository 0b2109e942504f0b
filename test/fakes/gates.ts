/**
 * The Office API members above a host's floor (WordApi 1.3 / ExcelApi 1.7) that KHCT's hosts
 * reach, and the set each belongs to (the `[Api set]` tags of @types/office-js; apiSets.test.ts
 * checks both lists against the hosts' code). On a client without the set, the fakes fail the
 * sync that carries such a call with ApiNotFound, as Office does.
 */
import { clientSupports, type OfficeClient } from "../../src/hosts/clients";
import { officeError, type FakeContext } from "./recording";

/** Entry points: the members the fakes refuse on an older client. */
export const WORD_GATES: Readonly<Record<string, string>> = {
  "Word.Body.getComments": "WordApi 1.4",
  "Word.Range.insertComment": "WordApi 1.4",
  "Word.Document.onParagraphAdded": "WordApi 1.6",
  "Word.Document.onParagraphChanged": "WordApi 1.6",
  "Word.Document.onParagraphDeleted": "WordApi 1.6",
  "Word.Section.pageSetup": "WordApiDesktop 1.3",
};
export const EXCEL_GATES: Readonly<Record<string, string>> = {
  "Excel.Range.getCellProperties": "ExcelApi 1.9",
  "Excel.Range.getColumnProperties": "ExcelApi 1.9",
  "Excel.Range.setCellProperties": "ExcelApi 1.9",
  "Excel.Range.setColumnProperties": "ExcelApi 1.9",
  "Excel.Range.dataValidation": "ExcelApi 1.8",
  "Excel.Range.getMergedAreasOrNullObject": "ExcelApi 1.13",
  "Excel.Worksheet.pageLayout": "ExcelApi 1.9",
  "Excel.Workbook.comments": "ExcelApi 1.10",
  "Excel.WorksheetCollection.onChanged": "ExcelApi 1.9",
};

/**
 * Objects reached only through an entry point above (their members need no gate of their own:
 * the request that obtains them already fails).
 */
export const REACHED_THROUGH: Readonly<Record<string, string>> = {
  "Word.Comment": "Word.Body.getComments",
  "Word.PageSetup": "Word.Section.pageSetup",
  "Excel.PageLayout": "Excel.Worksheet.pageLayout",
  "Excel.PageLayoutZoomOptions": "Excel.Worksheet.pageLayout",
  "Excel.CellPropertiesFormat": "Excel.Range.getCellProperties",
  "Excel.CellPropertiesFont": "Excel.Range.getCellProperties",
  "Excel.CellBorderCollection": "Excel.Range.getCellProperties",
  "Excel.SettableCellProperties": "Excel.Range.setCellProperties",
  "Excel.SettableColumnProperties": "Excel.Range.setColumnProperties",
  "Excel.DataValidation": "Excel.Range.dataValidation",
  "Excel.DataValidationRule": "Excel.Range.dataValidation",
  "Excel.RangeAreas": "Excel.Range.getMergedAreasOrNullObject",
  "Excel.CommentCollection": "Excel.Workbook.comments",
  "Excel.Comment": "Excel.Workbook.comments",
};

/**
 * Called by a fake member that is an entry point: on a client without its set, the sync fails with
 * ApiNotFound ("The requested API could not be found", Excel.ErrorCodes.apiNotFound /
 * Word.ErrorCodes — the code Office gives an API newer than the client).
 */
export function gate(context: FakeContext, client: OfficeClient | undefined, api: string): void {
  const set = WORD_GATES[api] ?? EXCEL_GATES[api];
  if (!set || !client) return;
  const [name, version] = set.split(" ") as [string, string];
  if (clientSupports(client)(name, version)) return;
  context.enqueue(() => {
    throw officeError(
      "ApiNotFound",
      `The requested API could not be found (${api}, ${set}). It may be available in a newer version of Office.`
    );
  });
}
