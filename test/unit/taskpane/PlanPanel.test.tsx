/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { DOMParser } from "@xmldom/xmldom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PlanPanel } from "../../../src/taskpane/components/PlanPanel";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { buildGrid } from "../../../src/core/plan/table";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { createExcelPlanTableHost } from "../../../src/hosts/excel/planSheet";
import { createWordPlanTableHost } from "../../../src/hosts/word/planTables";
import { columnLetters, excelModel, fakeExcelRun, type CellValue } from "../../fakes/excel";
import { fakeWordRun, wordModel } from "../../fakes/word";
import { ASSESSMENT_2022, STANDARD_HEADER } from "../../fixtures/tables";
import { blankIssues, blankPlan } from "../../corpus/tt57";
import { FORM_PLACEHOLDERS } from "../../../src/core/plan/formFill";

const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");
const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
const HEADER = [...STANDARD_HEADER];

const renderPanel = (host: Parameters<typeof PlanPanel>[0]["host"]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanPanel framework={tt17} year={year} host={host} />
    </FluentProvider>
  );

/** A sheet with the self-assessment results (rows 1–12), a blank row, and the plan table header (row 14). */
function sheetWithBothTables() {
  const cells: Record<string, CellValue> = {};
  const grid = buildGrid(ASSESSMENT_2022);
  grid.cells.forEach((row, r) =>
    row.forEach(
      (cell, c) =>
        cell.origin.row === r &&
        cell.origin.col === c &&
        cell.text &&
        (cells[`${columnLetters(c)}${r + 1}`] = cell.text)
    )
  );
  HEADER.forEach((h, c) => (cells[`${columnLetters(c)}14`] = h));
  cells["B15"] = "Tiêu chí 1.4";
  cells["D15"] = "Giải pháp nhà trường đã ghi";
  const model = excelModel({ KH: cells });
  model.merges = ["KH!A1:A2", "KH!B1:F1", "KH!G1:G2", "KH!A3:G3", "KH!A7:G7", "KH!A10:G10"];
  return model;
}

describe("PlanPanel", () => {
  it("on a plan of Thông tư 57/2026's form: nothing picked at first; the picked priorities go into Mục IV, then an item for each into Mục V", async () => {
    const tt57 = frameworkById("tt57-2026-pho-thong") as Framework;
    const P = FORM_PLACEHOLDERS;
    const cells: Record<string, CellValue> = {};
    const put = (top: number, rows: string[][]) =>
      rows.forEach((row, r) =>
        row.forEach((text, c) => text && (cells[`${columnLetters(c)}${top + r}`] = text))
      );
    // As `khct new` writes the form: Mục IV at row 1, Mục V at row 6, each with two blank rows.
    put(1, blankIssues(2));
    put(6, blankPlan(2));
    const model = excelModel({ KH: cells });
    render(
      <FluentProvider theme={webLightTheme}>
        <PlanPanel
          framework={tt57}
          year={parseSchoolYear("2026-2027")}
          host={createExcelPlanTableHost(fakeExcelRun(model).run, { mergedAreas: true })}
        />
      </FluentProvider>
    );
    await screen.findByText(/^Trang tính KH, từ hàng 1: Bảng vấn đề trọng tâm cần cải tiến/);
    // No results table in the sheet: the school gives them by hand.
    for (const [id, value] of [
      ["1.2", "1"],
      ["2.1", "0"],
      ["3.3", "2"],
    ])
      fireEvent.change(
        screen.getByRole("combobox", { name: `Kết quả tự đánh giá: Tiêu chí ${id}` }),
        { target: { value } }
      );
    const issues = screen.getByRole("region", { name: "Vấn đề trọng tâm (Mục IV)" });
    const boxes = within(issues).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.checked)).toEqual([false, false]); // never all criteria by default
    expect(
      within(issues).getByText(/^Tiêu chí 2\.1: .* — chưa đạt Mức 1 · Bắt buộc$/i)
    ).toBeTruthy();
    const writeIssues = within(issues).getByRole("button", { name: "Ghi 0 vấn đề vào Mục IV" });
    expect((writeIssues as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(issues).getByRole("checkbox", { name: /^Tiêu chí 1\.2/ }));
    fireEvent.click(within(issues).getByRole("button", { name: "Ghi 1 vấn đề vào Mục IV" }));
    // Tiêu chuẩn, tiêu chí and hiện trạng; the weakness and its cause stay the placeholders they were.
    await screen.findByText("Đã thêm 0 dòng và điền 3 ô.");
    const sheet = model.sheets[0]?.cells;
    expect(sheet?.get("C2")).toMatch(/^Tiêu chí 1\.2: /);
    expect(sheet?.get("E2")).toBe(P.weakness); // the school's to write
    expect(sheet?.get("C3")).toBe(P.criterion); // the second blank row stays
    // Read again: 1.2 is in Mục IV, and its item is proposed for Mục V.
    const items = screen.getByRole("region", { name: "Việc cải tiến (Mục V)" });
    await within(items).findByRole("checkbox", { name: "Vấn đề 1 (tiêu chí 1.2)" });
    fireEvent.click(within(items).getByRole("button", { name: "Ghi 1 việc cải tiến vào Mục V" }));
    await within(items).findByText("Mỗi vấn đề ở Mục IV đã có việc cải tiến ở Mục V.");
    expect(sheet?.get("C7")).toBe("Tiêu chí 1.2 đạt Mức 2");
    expect(sheet?.get("E7")).toMatch(/^Đạt Mức 2: /);
    expect(sheet?.get("D7")).toBe(P.solution);
    expect(sheet?.get("B8")).toBe(P.content);
  });

  it("outside Office, says where it works", () => {
    renderPanel(null);
    expect(
      screen.getByText(
        /Mở KHCT trong Word hoặc Excel, hoặc mở một tệp ở trên, để lập và điền bảng kế hoạch/
      )
    ).toBeTruthy();
  });

  it("Excel: reads both tables, proposes rows from the results, previews and fills in place", async () => {
    const model = sheetWithBothTables();
    renderPanel(createExcelPlanTableHost(fakeExcelRun(model).run, { mergedAreas: true }));
    await screen.findByText(/Đọc từ Trang tính KH, từ hàng 1: 7 tiêu chí có kết quả/);
    expect(screen.getByText("Trang tính KH, từ hàng 14: Bảng kế hoạch chuẩn (9 cột)")).toBeTruthy();
    // Target Mức 3: all 7 assessed criteria are below it.
    expect(screen.getByText("Các dòng đề xuất (7)")).toBeTruthy();
    // Who leads a new row: the people the plan already names are offered (then the usual roles).
    // (an input with suggestions is a combobox)
    const responsible = screen.getByRole("combobox", {
      name: "Chủ trì và phối hợp: Tiêu chí 3.6 → Mức 3",
    }) as HTMLInputElement;
    const offered = [...(responsible.list?.options ?? [])].map((o) => o.value);
    expect(offered.slice(0, 2)).toEqual(["Hiệu trưởng", "Phó hiệu trưởng"]);
    expect(offered).toContain("Hội đồng trường");
    fireEvent.click(screen.getByRole("checkbox", { name: "Tiêu chí 3.3 → Mức 3" }));
    fireEvent.change(
      screen.getByRole("textbox", { name: "Công việc/giải pháp: Tiêu chí 3.6 → Mức 3" }),
      { target: { value: "Cải tạo thư viện" } }
    );
    const preview = screen.getByRole("region", { name: "Xem trước" });
    // 5 criteria and 3 standard rows (the table has no MỨC rows, so none is added); 1.4's 3 empty cells
    // the school must write (its budget cell is left to the school).
    expect(within(preview).getByText(/Thêm 8 dòng, điền 3 ô trống/)).toBeTruthy();
    expect(
      within(preview).getByText("Điền ô trống “Thời gian thực hiện và hoàn thành” của Tiêu chí 1.4")
    ).toBeTruthy();
    fireEvent.click(within(preview).getByRole("button", { name: "Điền vào bảng" }));
    await screen.findByText(/Đã thêm 8 dòng và điền 3 ô/);
    const cells = model.sheets[0]?.cells;
    const row14 = [...(cells?.entries() ?? [])]
      .find(([k, v]) => k.startsWith("B") && v === "Tiêu chí 1.4")?.[0]
      .slice(1);
    expect(cells?.get(`D${row14}`)).toBe("Giải pháp nhà trường đã ghi"); // moved down by the new rows, never overwritten
    const texts = [...(cells?.values() ?? [])].map(String);
    expect(texts).toContain("Cải tạo thư viện");
    const planLabels = [...(cells?.entries() ?? [])]
      .filter(([k]) => /^B\d+$/.test(k) && Number(k.slice(1)) >= 14)
      .map(([, v]) => v);
    expect(planLabels).toContain("Tiêu chí 3.6");
    expect(planLabels).not.toContain("Tiêu chí 3.3"); // unticked
  });

  it("Word without a plan table: results chosen by hand, a new standard table inserted", async () => {
    const model = wordModel(["KẾ HOẠCH"]);
    renderPanel(createWordPlanTableHost(fakeWordRun(model).run, parse));
    await screen.findByText("Tài liệu chưa có bảng nào KHCT nhận ra.");
    fireEvent.change(screen.getByRole("combobox", { name: "Kết quả tự đánh giá: Tiêu chí 1.1" }), {
      target: { value: "1" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "Kết quả tự đánh giá: Tiêu chí 3.6" }), {
      target: { value: "0" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Chèn bảng vào tài liệu" }));
    await screen.findByText("Đã chèn bảng kế hoạch mới.");
    const table = model.tables[0];
    expect(table?.rows[0]?.header).toBe(true);
    expect(table?.rows.map((r) => r.cells[1]?.text || r.cells[0]?.text)).toEqual([
      "Tiêu chuẩn, tiêu chí",
      "MỨC 1, 2, 3",
      "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường",
      "Tiêu chí 1.1",
      "Tiêu chuẩn 3: Cơ sở vật chất và thiết bị dạy học",
      "Tiêu chí 3.6",
    ]);
    await waitFor(() =>
      expect(screen.getByText("Bảng 1: Bảng kế hoạch chuẩn (9 cột)")).toBeTruthy()
    );
  });

  it("results by hand, a whole standard at once, then a criterion as it differs: the proposals follow", async () => {
    const model = wordModel(["KẾ HOẠCH"]);
    renderPanel(createWordPlanTableHost(fakeWordRun(model).run, parse));
    await screen.findByText("Tài liệu chưa có bảng nào KHCT nhận ra.");
    fireEvent.change(screen.getByRole("combobox", { name: "Kết quả tự đánh giá: Tiêu chuẩn 1" }), {
      target: { value: "3" },
    });
    // Capped at each criterion's highest level (1.2 has no Mức 3).
    const value = (id: string) =>
      (
        screen.getByRole("combobox", {
          name: `Kết quả tự đánh giá: Tiêu chí ${id}`,
        }) as HTMLSelectElement
      ).value;
    expect(value("1.1")).toBe("3");
    expect(value("1.2")).toBe("2");
    expect(value("2.1")).toBe("");
    fireEvent.change(screen.getByRole("combobox", { name: "Kết quả tự đánh giá: Tiêu chí 1.1" }), {
      target: { value: "1" },
    });
    // Target Mức 3: 1.1 (Mức 1) is the one criterion of standard 1 below it.
    expect(screen.getByText("Các dòng đề xuất (1)")).toBeTruthy();
  });

  it("shows why a sheet cannot be read, in Vietnamese", async () => {
    const model = excelModel({ KH: { A1: "TT", A6001: "x" } });
    renderPanel(createExcelPlanTableHost(fakeExcelRun(model).run));
    await screen.findByText(/Không đọc được các bảng: Trang tính đang dùng 6001 hàng/);
  });

  it("says the table changed when a co-author edited it after the preview", async () => {
    const model = sheetWithBothTables();
    renderPanel(createExcelPlanTableHost(fakeExcelRun(model).run, { mergedAreas: true }));
    await screen.findByText(/7 tiêu chí có kết quả/);
    model.sheets[0]?.cells.set("I15", "Một người khác vừa viết"); // a cell KHCT does not fill
    fireEvent.click(screen.getByRole("button", { name: "Điền vào bảng" }));
    await screen.findByText(/Bảng vừa được thay đổi/);
    expect(model.sheets[0]?.cells.get("B16") ?? "").toBe("");
  });
});
