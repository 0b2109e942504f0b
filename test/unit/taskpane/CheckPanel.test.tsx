/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { DOMParser } from "@xmldom/xmldom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LocaleContext } from "../../../src/taskpane/hooks/useStrings";
import { CheckPanel } from "../../../src/taskpane/components/CheckPanel";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { createWordCheckHost } from "../../../src/hosts/word/checkHost";
import { createExcelCheckHost } from "../../../src/hosts/excel/planSheet";
import { fakeWordRun, wordModel, type WordModel } from "../../fakes/word";
import { columnLetters, excelModel, fakeExcelRun, type CellValue } from "../../fakes/excel";
import { STANDARD_HEADER } from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;
const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
const HEADER = [...STANDARD_HEADER];
const plain = (...texts: string[]) => ({ cells: texts.map((text) => ({ text })) });

/** The 2021-2022 plan's mistakes in a Word document: a preschool title numbered 4, a malformed label. */
function wordPlan(): WordModel {
  const model = wordModel([
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2021-2022",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "III. NỘI DUNG",
  ]);
  model.tables.push({
    rows: [
      { cells: HEADER.map((text) => ({ text })), header: true },
      { cells: [{ text: "MỨC 1, 2, 3", span: 9 }] },
      {
        cells: [
          { text: "4" },
          {
            text: "Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ",
            span: 8,
          },
        ],
      },
      plain(
        "",
        "Tiêu chí 5. 2",
        "Tổ chức hoạt động trải nghiệm",
        "Tổ chức các hoạt động trải nghiệm",
        "Tổng phụ trách Đội",
        "Trong năm học 2021-2022",
        "",
        "",
        ""
      ),
    ],
  });
  return model;
}

/** A criterion row whose label has the spacing slip real plans show ("Tiêu chí 5. 3"). */
const spacedLabelRow = (n: number) =>
  plain("", `Tiêu chí 5. ${n}`, "", "Việc", "Tổ trưởng", "Trong năm học 2021-2022", "", "", "");

const renderPanel = (host: Parameters<typeof CheckPanel>[0]["host"]) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <CheckPanel framework={tt17} level="tieu-hoc" host={host} />
    </FluentProvider>
  );

describe("CheckPanel", () => {
  it("outside Office, says where it works", () => {
    renderPanel(null);
    expect(
      screen.getByText(
        "Mở KHCT trong Word hoặc Excel, hoặc mở một tệp ở trên, để kiểm tra kế hoạch."
      )
    ).toBeTruthy();
  });

  it("Word: lists the findings by severity, goes to a finding's place, fixes after a preview and checks again", async () => {
    const model = wordPlan();
    renderPanel(createWordCheckHost(fakeWordRun(model).run, parse));
    await screen.findByText("2 lỗi, 2 cảnh báo, 0 gợi ý");
    const errors = screen.getByRole("region", { name: "Lỗi (2)" });
    const title = within(errors)
      .getByText(/là tên của cấp mầm non/)
      .closest("article") as HTMLElement;
    fireEvent.click(within(title).getByRole("button", { name: "Đến chỗ này" }));
    await new Promise((r) => setTimeout(r, 0));
    expect(model.selectedCell).toEqual({ table: 0, row: 2, cell: 1 });
    fireEvent.click(within(title).getByRole("button", { name: "Sửa" }));
    expect(
      within(title).getByText(
        /Sẽ đổi “Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ” thành “Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục”/
      )
    ).toBeTruthy();
    fireEvent.click(within(title).getByRole("button", { name: "Áp dụng" }));
    await screen.findByText("Đã sửa 1 ô.");
    expect(model.tables[0]?.rows[2]?.cells[1]?.text).toBe(
      "Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục"
    );
    await screen.findByText("1 lỗi, 2 cảnh báo, 0 gợi ý");
    // "Đến chỗ này" on a paragraph finding (section numbering: III after I).
    const section = screen
      .getByText("Mục III đứng sau mục I: thiếu mục II.")
      .closest("article") as HTMLElement;
    fireEvent.click(within(section).getByRole("button", { name: "Đến chỗ này" }));
    await new Promise((r) => setTimeout(r, 0));
    expect(model.selectedParagraph).toBe(2);
  });

  it("findings of one cause come as one group with its count and each place in words; Sửa tất cả fixes them after one preview", async () => {
    const model = wordPlan();
    const table = model.tables[0]!;
    table.rows[2] = {
      cells: [
        { text: "5" },
        { text: "Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục", span: 8 },
      ],
    };
    for (const n of [3, 4, 5, 6]) table.rows.push(spacedLabelRow(n));
    renderPanel(createWordCheckHost(fakeWordRun(model).run, parse));
    const summary = await screen.findByText(
      /Nhãn “Tiêu chí 5\. 2” viết chưa đúng dạng.* — và cùng loại: 5 chỗ/
    );
    const group = summary.closest("details") as HTMLElement;
    // Each finding says where it is.
    expect(within(group).getByText("Bảng 1 · hàng 4 · Tiêu chí 5.2")).toBeTruthy();
    expect(within(group).getByText("Bảng 1 · hàng 8 · Tiêu chí 5.6")).toBeTruthy();
    fireEvent.click(within(group).getByRole("button", { name: "Sửa tất cả (5)" }));
    expect(within(group).getByText("Sẽ sửa 5 ô như sau:")).toBeTruthy();
    expect(
      within(group).getAllByText(/^Sẽ đổi “Tiêu chí 5\. \d” thành “Tiêu chí 5\.\d”\.$/)
    ).toHaveLength(5);
    fireEvent.click(within(group).getAllByRole("button", { name: "Áp dụng" })[0]!);
    await screen.findByText("Đã sửa 5 ô.");
    expect(table.rows.slice(3).map((r) => r.cells[1]?.text)).toEqual([
      "Tiêu chí 5.2",
      "Tiêu chí 5.3",
      "Tiêu chí 5.4",
      "Tiêu chí 5.5",
      "Tiêu chí 5.6",
    ]);
    await waitFor(() => expect(screen.queryByText(/cùng loại/)).toBeNull());
  });

  it("in English: the findings, their groups, places and counts are English (the document's own words stay as written)", async () => {
    const model = wordPlan();
    for (const n of [3, 4]) model.tables[0]!.rows.push(spacedLabelRow(n));
    render(
      <LocaleContext.Provider value="en">
        <FluentProvider theme={webLightTheme}>
          <CheckPanel
            framework={tt17}
            level="tieu-hoc"
            host={createWordCheckHost(fakeWordRun(model).run, parse)}
          />
        </FluentProvider>
      </LocaleContext.Provider>
    );
    const summary = await screen.findByText(
      /^The label “Tiêu chí 5\. 2” is not in the usual form; write “Tiêu chí 5\.2”\. — and the same kind: 3 places$/
    );
    const group = summary.closest("details") as HTMLElement;
    expect(within(group).getByText("Table 1 · row 4 · Tiêu chí 5.2")).toBeTruthy();
    expect(
      screen.getByText(
        "Tiêu chuẩn 5: “Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ” is the preschool title; under Circular 17/2018/TT-BGDĐT it is “Hoạt động giáo dục và kết quả giáo dục”."
      )
    ).toBeTruthy();
    expect(
      screen.getByText("Section III comes after section I: section II is missing.")
    ).toBeTruthy();
    fireEvent.click(within(group).getByRole("button", { name: "Fix all (3)" }));
    fireEvent.click(within(group).getAllByRole("button", { name: "Apply" })[0]!);
    await screen.findByText("Fixed 3 cells.");
  });

  it("Đến chỗ này that Office refuses is said, in Vietnamese, not swallowed", async () => {
    const model = wordPlan();
    const host = createWordCheckHost(fakeWordRun(model).run, parse);
    renderPanel({
      ...host,
      select: () =>
        Promise.reject(
          Object.assign(new Error("ItemNotFound"), { code: "ItemNotFound", name: "RichApi.Error" })
        ),
    });
    await screen.findByText("2 lỗi, 2 cảnh báo, 0 gợi ý");
    fireEvent.click(screen.getAllByRole("button", { name: "Đến chỗ này" })[0]!);
    await screen.findByText(
      /^Không đến được chỗ này: Không còn tìm thấy bảng, ô hoặc trang tính KHCT đã đọc .* \(mã lỗi Office: ItemNotFound\)$/
    );
  });

  it("Excel in cell edit mode: says to press Enter and try again", async () => {
    const model = excelModel({
      KH: { A1: "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026" },
    });
    model.cellEditMode = true;
    renderPanel(createExcelCheckHost(fakeExcelRun(model).run));
    await screen.findByText(
      /Excel đang ở chế độ sửa một ô: nhấn Enter \(hoặc Esc\) để ra khỏi ô rồi thử lại\. \(mã lỗi Office: InvalidOperationInCellEditMode\)/
    );
    model.cellEditMode = false;
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await waitFor(() => expect(screen.queryByText(/chế độ sửa một ô/)).toBeNull());
  });

  it("attaches the findings as native comments, so co-authors without KHCT see them", async () => {
    const model = wordPlan();
    renderPanel(createWordCheckHost(fakeWordRun(model).run, parse));
    await screen.findByText("2 lỗi, 2 cảnh báo, 0 gợi ý");
    fireEvent.click(screen.getByRole("button", { name: "Gắn thành nhận xét trong tài liệu" }));
    await screen.findByText(/^Đã gắn 4 nhận xét vào tài liệu/);
    expect(model.comments?.map((c) => c.where)).toEqual(["t0:2:1", "t0:2:0", "t0:3:1", "p2"]);
    expect(model.comments?.[0]?.content).toMatch(/^KHCT – Lỗi: Tiêu chuẩn 5: /);
  });

  it("Excel that refuses comments (NotImplemented on some builds): says so with what to do, nothing half-written", async () => {
    const cells: Record<string, CellValue> = {
      A1: "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
      ...Object.fromEntries(STANDARD_HEADER.map((h, c) => [`${columnLetters(c)}3`, h])),
      B4: "Tiêu chí 1. 2",
    };
    const model = excelModel({ KH: cells });
    model.commentsNotImplemented = true;
    renderPanel(createExcelCheckHost(fakeExcelRun(model).run));
    fireEvent.click(
      await screen.findByRole("button", { name: "Gắn thành nhận xét trong tài liệu" })
    );
    await screen.findByText(
      /Office trên máy này chưa hỗ trợ thao tác này: hãy cập nhật Office, hoặc dùng Office trên web\. \(mã lỗi Office: NotImplemented\)/
    );
    expect(model.comments ?? []).toEqual([]);
  });

  it("a dismissed finding is remembered in the document: a co-author does not see it, and it can be restored", async () => {
    const model = wordPlan();
    const first = renderPanel(createWordCheckHost(fakeWordRun(model).run, parse));
    await screen.findByText("2 lỗi, 2 cảnh báo, 0 gợi ý");
    const section = screen
      .getByText("Mục III đứng sau mục I: thiếu mục II.")
      .closest("article") as HTMLElement;
    fireEvent.click(within(section).getByRole("button", { name: "Bỏ qua" }));
    await screen.findByText("2 lỗi, 1 cảnh báo, 0 gợi ý");
    expect(
      [...model.customProperties.keys()].filter((k) => k.startsWith("KHCT.boqua."))
    ).toHaveLength(1);
    first.unmount();

    renderPanel(createWordCheckHost(fakeWordRun(model).run, parse)); // a co-author opens the pane
    await screen.findByText("2 lỗi, 1 cảnh báo, 0 gợi ý");
    const hidden = screen.getByRole("region", { name: /Đã bỏ qua \(1\)/ });
    fireEvent.click(within(hidden).getByRole("button", { name: "Khôi phục" }));
    await screen.findByText("2 lỗi, 2 cảnh báo, 0 gợi ý");
    expect(
      [...model.customProperties.keys()].filter((k) => k.startsWith("KHCT.boqua."))
    ).toHaveLength(0);
  });

  it("Excel: a fix is skipped when the cell changed since the check", async () => {
    const cells: Record<string, CellValue> = {};
    HEADER.forEach((h, c) => (cells[`${columnLetters(c)}1`] = h));
    cells["A2"] = "2";
    cells["B2"] = "tiêu chí 1.2";
    ["x", "Giải pháp", "HT", "Năm học 2025-2026"].forEach(
      (t, i) => (cells[`${columnLetters(i + 2)}2`] = t)
    );
    const model = excelModel({ KH: cells });
    renderPanel(createExcelCheckHost(fakeExcelRun(model).run));
    await screen.findByText(/0 lỗi, 1 cảnh báo/);
    fireEvent.click(screen.getByRole("button", { name: "Sửa" }));
    model.sheets[0]?.cells.set("B2", "Tiêu chí 1.2 (đã sửa tay)");
    fireEvent.click(screen.getByRole("button", { name: "Áp dụng" }));
    await screen.findByText(/Đã sửa 0 ô. 1 ô đã đổi từ lúc kiểm tra/);
    expect(model.sheets[0]?.cells.get("B2")).toBe("Tiêu chí 1.2 (đã sửa tay)");
  });
});
