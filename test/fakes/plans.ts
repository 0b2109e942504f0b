/**
 * Plans as the fakes hold them, shared by the tests that drive the Word and Excel adapters.
 */
import { buildGrid } from "../../src/core/plan/table";
import { STANDARD_2021, STANDARD_HEADER } from "../fixtures/tables";
import { columnLetters, excelModel, type CellValue, type ExcelModel } from "./excel";
import { wordModel, type WordModel } from "./word";

/**
 * A sheet "KH" with a title, a blank row, then the 2021 plan table from row 3, merges as the
 * school made them; `extraRows` rows of work below it (column D).
 */
export function excelPlanSheet(extraRows = 0): ExcelModel {
  const cells: Record<string, CellValue> = {
    A1: "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
  };
  const grid = buildGrid(STANDARD_2021);
  const merges: string[] = [];
  grid.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.origin.row === r && cell.origin.col === c && cell.text)
        cells[`${columnLetters(c)}${r + 3}`] = cell.text;
    })
  );
  STANDARD_2021.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      if ((cell.colSpan ?? 1) > 1)
        merges.push(
          `KH!${columnLetters(c)}${r + 3}:${columnLetters(c + (cell.colSpan ?? 1) - 1)}${r + 3}`
        );
      c += cell.colSpan ?? 1;
    }
  });
  for (let i = 0; i < extraRows; i++) cells[`D${STANDARD_2021.length + 3 + i}`] = `Việc ${i}`;
  const model = excelModel({ KH: cells });
  model.merges = merges;
  return model;
}

/**
 * A short Word plan of a primary school, 2025-2026, whose one criterion label is written
 * "Tiêu chí 1. 2" (row 3 of the table): the check offers a fix for it.
 */
export function wordPlanWithLabelSlip(): WordModel {
  const model = wordModel([
    "TRƯỜNG TIỂU HỌC HOA SEN",
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
  ]);
  model.tables.push({
    rows: [
      { cells: STANDARD_HEADER.map((text) => ({ text })), header: true },
      { cells: [{ text: "MỨC 1, 2, 3", span: 9 }] },
      { cells: [{ text: "1" }, { text: "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", span: 8 }] },
      {
        cells: [
          "",
          "Tiêu chí 1. 2",
          "Kết quả",
          "Họp",
          "Hiệu trưởng",
          "Năm học 2025-2026",
          "Không",
          "",
          "",
        ].map((text) => ({ text })),
      },
    ],
  });
  return model;
}
