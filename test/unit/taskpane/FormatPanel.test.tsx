/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { DOMParser } from "@xmldom/xmldom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { LocaleContext } from "../../../src/taskpane/hooks/useStrings";
import { FormatPanel } from "../../../src/taskpane/components/FormatPanel";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { createWordFormatHost } from "../../../src/hosts/word/format";
import { fakeWordRun, wordModel, type WordModel } from "../../fakes/word";
import { STANDARD_HEADER } from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;
const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;

function messyPlan(): WordModel {
  const model = wordModel([
    "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG NĂM HỌC 2025-2026",
    "1. Mục đích của kế hoạch.",
  ]);
  model.paragraphLooks = [
    { name: "Arial", size: 14 },
    { name: "Arial", size: 12 },
  ];
  model.tables.push({
    rows: [
      { cells: STANDARD_HEADER.map((text) => ({ text })) },
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
          "",
          "",
          "",
        ].map((text) => ({ text })),
      },
    ],
  });
  return model;
}

const renderPanel = (model: WordModel, pageSetupApi = false) => {
  const fake = fakeWordRun(model);
  const host = createWordFormatHost(fake.run, parse, { pageSetupApi });
  render(
    <FluentProvider theme={webLightTheme}>
      <FormatPanel framework={tt17} host={host} hostKind="word" />
    </FluentProvider>
  );
  return fake;
};

describe("FormatPanel", () => {
  it("outside Office, says what it does and where it works", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <FormatPanel framework={null} host={null} hostKind="word" />
      </FluentProvider>
    );
    expect(
      screen.getByText(/Nghị định 30\/2020\/NĐ-CP .* Mở KHCT trong Word hoặc Excel để dùng/)
    ).toBeTruthy();
  });

  it("previews the changes and applies them in one action (undo: the history card)", async () => {
    const model = messyPlan();
    renderPanel(model);
    const preview = await screen.findByRole("region", { name: "Xem trước" });
    expect(
      within(preview).getByText("Phông chữ thân văn bản: Arial → Times New Roman")
    ).toBeTruthy();
    expect(within(preview).getByText(/Nhãn tiêu chí viết liền.*: 1 ô/)).toBeTruthy();
    const manual = screen.getByRole("region", { name: "Cần làm tay hoặc còn thiếu" });
    expect(within(manual).getByText(/Bố cục \(Layout\) › Lề \(Margins\)/)).toBeTruthy();
    expect(within(manual).getByText(/Thiếu Quốc hiệu/)).toBeTruthy();
    // Nothing is written before the user asks.
    expect(model.paragraphLooks?.[0]?.name).toBe("Arial");

    fireEvent.click(within(preview).getByRole("button", { name: "Định dạng theo chuẩn" }));
    await screen.findByText("Đã định dạng; chuẩn hóa 1 ô.");
    expect(model.paragraphLooks?.map((l) => l.name)).toEqual([
      "Times New Roman",
      "Times New Roman",
    ]);
    expect(model.tables[0]?.rows[3]?.cells[1]?.text).toBe("Tiêu chí 1.2");
  });

  it("in English: the preview's changes and what to do by hand are English", async () => {
    const model = messyPlan();
    render(
      <LocaleContext.Provider value="en">
        <FluentProvider theme={webLightTheme}>
          <FormatPanel
            framework={tt17}
            host={createWordFormatHost(fakeWordRun(model).run, parse, { pageSetupApi: false })}
            hostKind="word"
          />
        </FluentProvider>
      </LocaleContext.Provider>
    );
    const preview = await screen.findByRole("region", { name: "Preview" });
    expect(within(preview).getByText("Body text font: Arial → Times New Roman")).toBeTruthy();
    expect(
      within(preview).getByText(/^Criterion labels written without a space.*: 1 cell$/)
    ).toBeTruthy();
    const manual = screen.getByRole("region", { name: /by hand/i });
    expect(within(manual).getByText(/^Page margins per Decree 30\/2020: top \d+ mm/)).toBeTruthy();
    expect(within(manual).getByText(/Layout › Margins › Custom Margins/)).toBeTruthy();
  });
});
