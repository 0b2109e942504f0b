/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { localDate, TrackPanel } from "../../../src/taskpane/components/TrackPanel";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { layoutById } from "../../../src/core/plan/layouts";
import { STANDARD_HEADER } from "../../fixtures/tables";
import { FORM_PLACEHOLDERS } from "../../../src/core/plan/formFill";
import { blankMonitoring, tt57Plan } from "../../corpus/tt57";
import { createExcelCheckHost, createExcelPlanTableHost } from "../../../src/hosts/excel/planSheet";
import {
  columnLetters,
  excelModel,
  fakeExcelRun,
  type CellValue,
  type ExcelModel,
} from "../../fakes/excel";

const tt17 = frameworkById("tt17-2018") as Framework;
const HEADER = layoutById("progress").columns.map((c) => c.header);

function progressSheet(): ExcelModel {
  const rows: CellValue[][] = [
    ["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026"],
    [],
    HEADER,
    [
      "1",
      "Tiêu chí 1.2",
      "1",
      "Họp hội đồng trường",
      "Tháng 10/2025",
      "Hiệu trưởng",
      "Đã hoàn thành",
      "",
      "",
    ],
    [
      "1",
      "Tiêu chí 1.4",
      "2",
      "Sinh hoạt chuyên môn",
      "Tháng 10/2025",
      "Phó hiệu trưởng, cô Lan",
      "Đang thực hiện",
      "",
      "",
    ],
    [
      "3",
      "Tiêu chí 3.3",
      "3",
      "Xây phòng nghệ thuật",
      "Tháng 5/2026",
      "Hiệu trưởng",
      "Chưa thực hiện",
      "",
      "100 triệu",
    ],
  ];
  const cells: Record<string, CellValue> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => v !== "" && (cells[`${columnLetters(c)}${r + 1}`] = v))
  );
  const model = excelModel({ TD: cells });
  model.active = { sheet: 0, cell: "A10" };
  return model;
}

function renderPanel(model: ExcelModel) {
  const fake = fakeExcelRun(model);
  render(
    <FluentProvider theme={webLightTheme}>
      <TrackPanel
        framework={tt17}
        host={createExcelCheckHost(fake.run)}
        tables={createExcelPlanTableHost(fake.run)}
      />
    </FluentProvider>
  );
}

beforeEach(() => window.localStorage.clear());

describe("TrackPanel", () => {
  it("lists my rows by name, marks the overdue one, and records progress in the cell", async () => {
    const model = progressSheet();
    renderPanel(model);
    fireEvent.change(screen.getByRole("textbox", { name: "Họ và tên" }), {
      target: { value: "Nguyễn Thị Lan" },
    });
    const mine = screen.getByRole("region", { name: "Việc của tôi" });
    await within(mine).findByText("Tiêu chí 1.4");
    expect(within(mine).queryByText("Tiêu chí 1.2")).toBeNull();
    // Who I am stays on this machine, not in the document.
    expect(JSON.parse(window.localStorage.getItem("khct.me") ?? "{}")).toEqual({
      name: "Nguyễn Thị Lan",
      role: "",
    });
    expect(model.settings.size).toBe(0);
    // Tháng 10/2025 has ended (the panel counts as of today) and the work is not done.
    expect(within(mine).getByText("Quá hạn")).toBeTruthy();

    // Choosing does not write yet: arrowing through the list changes the choice, leaving it writes once.
    const progress = within(mine).getByRole("combobox", { name: "Tiến độ: Tiêu chí 1.4" });
    fireEvent.change(progress, { target: { value: "not-started" } });
    fireEvent.change(progress, { target: { value: "done" } });
    await new Promise((r) => setTimeout(r, 50));
    expect(model.sheets[0]!.cells.get("G5")).toBe("Đang thực hiện");
    fireEvent.blur(progress);
    await screen.findByText("Đã ghi tiến độ Tiêu chí 1.4: Đã hoàn thành.");
    expect(model.sheets[0]!.cells.get("G5")).toBe("Đã hoàn thành");
    await waitFor(() => expect(within(mine).queryByText("Quá hạn")).toBeNull());
  });

  it("shows the monitoring report per standard and puts it on a summary sheet with a chart", async () => {
    const model = progressSheet();
    renderPanel(model);
    const report = screen.getByRole("region", { name: "Báo cáo giám sát" });
    await within(report).findByText("Tiêu chuẩn 3");
    // As of a chosen date: on 23/11/2025 only the October task is late.
    fireEvent.change(within(report).getByLabelText("Tính đến ngày"), {
      target: { value: "2025-11-23" },
    });
    await waitFor(() =>
      expect(
        within(report).getByText("Cả kế hoạch").closest("tr")?.querySelectorAll("td")[4]
          ?.textContent
      ).toBe("1")
    );
    const total = within(report).getByText("Cả kế hoạch").closest("tr") as HTMLElement;
    expect([...total.querySelectorAll("td")].map((td) => td.textContent)).toEqual([
      "Cả kế hoạch",
      "3",
      "1",
      "1",
      "1",
      "", // the progress-tracking layout has no budget column
    ]);
    fireEvent.click(within(report).getByRole("button", { name: "Chèn báo cáo vào tài liệu" }));
    await screen.findByText("Đã tạo trang tính “Báo cáo giám sát” với bảng báo cáo và biểu đồ.");
    const summary = model.sheets.find((s) => s.name === "Báo cáo giám sát")!;
    expect(summary.cells.get("A1")).toBe(
      "BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG (tính đến ngày 23/11/2025)"
    );
    expect(
      [...Array(7).keys()].map((c) => summary.cells.get(`${String.fromCharCode(65 + c)}6`))
    ).toEqual(["Cả kế hoạch", 3, 1, 1, 1, 1, ""]);
    expect(model.charts).toEqual([
      {
        sheet: "Báo cáo giám sát",
        type: "ColumnClustered",
        source: "A3:F5",
        title: "Tiến độ thực hiện theo tiêu chuẩn",
      },
    ]);
    // The school's sheet is untouched.
    expect(model.sheets[0]!.cells.get("A10")).toBeUndefined();
  });

  it("on Thông tư 57/2026's form: writes the review of the time point into Mục VI, once", async () => {
    const tt57 = frameworkById("tt57-2026-pho-thong") as Framework;
    const P = FORM_PLACEHOLDERS;
    const form = tt57Plan();
    const cells: Record<string, CellValue> = {};
    const put = (top: number, rows: string[][]) =>
      rows.forEach((row, r) =>
        row.forEach((v, c) => v && (cells[`${columnLetters(c)}${top + r}`] = v))
      );
    put(
      1,
      ["KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2026-2027"].map((t) => [t])
    );
    put(3, form.tables[1] as string[][]);
    put(8, blankMonitoring());
    const model = excelModel({ KH: cells });
    const fake = fakeExcelRun(model);
    render(
      <FluentProvider theme={webLightTheme}>
        <TrackPanel
          framework={tt57}
          host={createExcelCheckHost(fake.run)}
          tables={createExcelPlanTableHost(fake.run)}
        />
      </FluentProvider>
    );
    const report = screen.getByRole("region", { name: "Báo cáo giám sát" });
    fireEvent.change(within(report).getByLabelText("Tính đến ngày"), {
      target: { value: "2026-12-02" },
    });
    const write = await within(report).findByRole("button", {
      name: "Ghi vào Mục VI (Cuối học kỳ I)",
    });
    fireEvent.click(write);
    await screen.findByText(
      /Đã ghi nội dung theo dõi và kết quả thực hiện vào hàng “Cuối học kỳ I”/
    );
    const sheet = model.sheets[0]!.cells;
    expect(sheet.get("B9")).toBe("Mức độ thực hiện 3 việc cải tiến ở Mục V, đến ngày 02/12/2026");
    expect(sheet.get("C9")).toMatch(/^Hoàn thành 1\/3 việc; đang thực hiện 1; chưa hoàn thành 1\./);
    expect(sheet.get("E9")).toBe(P.assessor); // the school's to write
    expect(sheet.get("C10") ?? "").toBe(""); // the year's end is not reviewed yet
    // Again: the row has its result; nothing is overwritten.
    fireEvent.click(within(report).getByRole("button", { name: "Ghi vào Mục VI (Cuối học kỳ I)" }));
    await screen.findByText(
      "Hàng “Cuối học kỳ I” của Mục VI đã có kết quả thực hiện: KHCT không ghi đè."
    );
  });

  it("reads the staff list kept in the document: my role's rows are mine too", async () => {
    const model = progressSheet();
    const cells = model.sheets[0]!.cells;
    cells.set("A12", "TT");
    cells.set("B12", "Họ và tên");
    cells.set("C12", "Chức vụ");
    cells.set("A13", "1");
    cells.set("B13", "Trần Văn Minh");
    cells.set("C13", "Hiệu trưởng");
    model.active = { sheet: 0, cell: "A20" };
    renderPanel(model);
    const list = await screen.findByRole("region", { name: "Danh sách nhân sự trong tài liệu" });
    expect(within(list).getByText("Trần Văn Minh – Hiệu trưởng: 2 việc")).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: "Họ và tên" }), {
      target: { value: "Trần Văn Minh" },
    });
    const mine = screen.getByRole("region", { name: "Việc của tôi" });
    await within(mine).findByText("Tiêu chí 3.3");
    expect(within(mine).getByText("Tiêu chí 1.2")).toBeTruthy();
  });

  it("adds progress columns to a standard plan only when asked, then tracks through them", async () => {
    const cells: Record<string, CellValue> = {};
    const rows: CellValue[][] = [
      [...STANDARD_HEADER],
      ["MỨC 1, 2, 3"],
      ["1", "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường"],
      ["", "Tiêu chí 1.2", "Kết quả", "Họp định kỳ", "Hiệu trưởng", "Tháng 10/2025", "", "", ""],
    ];
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== "" && (cells[`${columnLetters(c)}${r + 1}`] = v))
    );
    const model = excelModel({ KH: cells });
    model.active = { sheet: 0, cell: "A20" };
    renderPanel(model);
    fireEvent.change(screen.getByRole("combobox", { name: "Chức vụ" }), {
      target: { value: "Hiệu trưởng" },
    });
    const mine = screen.getByRole("region", { name: "Việc của tôi" });
    await within(mine).findByText(/Bảng này không có cột Tiến độ thực hiện/);
    // Never silently: a first click only asks.
    fireEvent.click(
      await within(mine).findByRole("button", { name: /^Thêm cột Tiến độ, Kết quả vào/ })
    );
    expect(model.sheets[0]!.cells.get("J1")).toBeUndefined();
    fireEvent.click(within(mine).getByRole("button", { name: "Thêm" }));
    await screen.findByText("Đã thêm cột Tiến độ thực hiện và Kết quả thực hiện.");
    expect(model.sheets[0]!.cells.get("J1")).toBe("Tiến độ thực hiện");
    expect(model.sheets[0]!.cells.get("K1")).toBe("Kết quả thực hiện");
    const progress = await within(mine).findByRole("combobox", { name: "Tiến độ: Tiêu chí 1.2" });
    fireEvent.change(progress, { target: { value: "done" } });
    fireEvent.keyDown(progress, { key: "Enter" });
    await screen.findByText("Đã ghi tiến độ Tiêu chí 1.2: Đã hoàn thành.");
    expect(model.sheets[0]!.cells.get("J4")).toBe("Đã hoàn thành");
  });

  it("counts as of the user's own calendar day (the suite's fixed clock), not UTC's", async () => {
    renderPanel(progressSheet());
    const report = screen.getByRole("region", { name: "Báo cáo giám sát" });
    // test/setup-clock.js: 23/11/2025 09:00 in Vietnam; Jest runs in the machine's time zone.
    expect((within(report).getByLabelText("Tính đến ngày") as HTMLInputElement).value).toBe(
      localDate(new Date())
    );
    expect(new Date().getFullYear()).toBe(2025);
    await within(report).findByText("Tiêu chuẩn 3");
  });

  it("lists the people the plan assigns", async () => {
    renderPanel(progressSheet());
    const staff = await screen.findByRole("region", {
      name: "Người được phân công trong kế hoạch",
    });
    expect(within(staff).getByText("Hiệu trưởng: 2 việc")).toBeTruthy();
    expect(within(staff).getByText("cô Lan: 1 việc")).toBeTruthy();
  });
});

describe("localDate", () => {
  it("is the calendar day where the user is, at any hour", () => {
    // Local constructors: the same wall-clock day whatever the machine's zone.
    expect(localDate(new Date(2025, 10, 23, 0, 5))).toBe("2025-11-23");
    expect(localDate(new Date(2025, 10, 23, 23, 55))).toBe("2025-11-23");
    expect(localDate(new Date(2026, 0, 1, 6, 59))).toBe("2026-01-01");
  });
});
