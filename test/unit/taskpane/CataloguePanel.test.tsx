/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CataloguePanel } from "../../../src/taskpane/components/CataloguePanel";
import { App } from "../../../src/taskpane/components/App";
import { renderApp } from "./renderApp";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import type { InsertResult } from "../../../src/hosts/adapter";
import { createWordAdapter } from "../../../src/hosts/word/wordAdapter";
import { createExcelAdapter } from "../../../src/hosts/excel/excelAdapter";
import { fakeWordRun, wordModel } from "../../fakes/word";
import { excelModel, fakeExcelRun } from "../../fakes/excel";

const tt17 = frameworkById("tt17-2018") as Framework;
const renderPanel = (
  framework: Framework,
  insert: ((text: string, o?: { append?: boolean }) => Promise<InsertResult>) | null
) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <CataloguePanel framework={framework} insert={insert} />
    </FluentProvider>
  );

beforeEach(() => window.localStorage.clear());

describe("CataloguePanel", () => {
  it("lists the standards with the circular's titles, counts and the data notes", () => {
    renderPanel(tt17, null);
    expect(
      screen.getByRole("button", { name: "Tiêu chuẩn 5: Hoạt động giáo dục và kết quả giáo dục" })
    ).toBeTruthy();
    expect(
      screen.getByText(/5 tiêu chuẩn, 27 tiêu chí; Mức 3: 19 tiêu chí; Mức 4: 5/)
    ).toBeTruthy();
    expect(screen.getByText(/Thông tư 22\/2024\/TT-BGDĐT chưa có nguyên văn/)).toBeTruthy();
  });

  it("expands a standard into criteria, and a criterion into its levels and indicators", () => {
    renderPanel(tt17, null);
    fireEvent.click(screen.getByRole("button", { name: /^Tiêu chuẩn 1:/ }));
    const c12 = screen.getByRole("article", { name: /^Tiêu chí 1.2:/ });
    expect(within(c12).getByText("Không có Mức 3")).toBeTruthy();
    fireEvent.click(within(c12).getByRole("button", { name: /Mức 1–2/ }));
    expect(within(c12).getByText("Mức 2")).toBeTruthy();
    expect(within(c12).queryByText("Mức 3")).toBeNull();
  });

  it("marks the indicators a later circular repealed or suspended, with the date and the source's standing", () => {
    renderPanel(tt17, null);
    fireEvent.click(screen.getByRole("button", { name: /^Tiêu chuẩn 1:/ }));
    const c15 = screen.getByRole("article", { name: /^Tiêu chí 1.5:/ });
    fireEvent.click(within(c15).getByRole("button", { name: /Mức 1–/ }));
    expect(
      within(c15).getAllByText(
        "[bãi bỏ từ 25/01/2025 theo Thông tư 22/2024/TT-BGDĐT (theo nguồn thứ cấp, chưa đối chiếu văn bản)]"
      )
    ).toHaveLength(3);
    // The 2018 text itself stays.
    expect(within(c15).getByText(/Trường có không quá 30 \(ba mươi\) lớp/)).toBeTruthy();
  });

  it("marks Thông tư 57/2026's mandatory criteria", () => {
    const tt57 = frameworkById("tt57-2026-pho-thong") as Framework;
    renderPanel(tt57, null);
    fireEvent.click(screen.getByRole("button", { name: /^Tiêu chuẩn 1:/ }));
    const marked = (id: string) =>
      within(
        screen.getByRole("article", { name: new RegExp(`^Tiêu chí ${id.replace(".", "\\.")}:`) })
      ).queryByText("Bắt buộc") !== null;
    const mandatory = tt57.standards[0]?.criteria.map((c) => c.mandatory === true);
    expect(["1.1", "1.2", "1.3", "1.4"].map(marked)).toEqual(mandatory);
    expect(mandatory).toContain(true);
    expect(mandatory).toContain(false);
  });

  it("says Mức 4 texts are not available rather than inventing them", () => {
    renderPanel(tt17, null);
    fireEvent.click(screen.getByRole("button", { name: "Tiêu chí Mức 4" }));
    expect(screen.getAllByText("chưa có nguyên văn")).toHaveLength(5);
  });

  it("says when the size of the Mức 4 list is unknown", () => {
    renderPanel(frameworkById("tt18-2018") as Framework, null);
    fireEvent.click(screen.getByRole("button", { name: "Tiêu chí Mức 4" }));
    expect(
      screen.getByText(
        /Số lượng và nguyên văn các tiêu chí Mức 4 của Thông tư 18\/2018\/TT-BGDĐT chưa có/
      )
    ).toBeTruthy();
  });

  it("searches without diacritics and inserts the label", async () => {
    const insert = jest.fn(async (): Promise<InsertResult> => ({ ok: true, where: "selection" }));
    renderPanel(tt17, insert);
    fireEvent.change(screen.getByRole("searchbox", { name: "Tìm tiêu chí" }), {
      target: { value: "thu vien" },
    });
    const hit = screen.getAllByRole("article")[0] as HTMLElement;
    expect(hit.getAttribute("aria-label")).toBe("Tiêu chí 3.6: Thư viện");
    fireEvent.click(within(hit).getByRole("button", { name: "Chèn nhãn" }));
    expect(insert).toHaveBeenCalledWith("Tiêu chí 3.6", undefined);
    await screen.findByText("Đã chèn vào vị trí con trỏ.");
    await act(async () => {
      fireEvent.click(within(hit).getByRole("button", { name: "Chèn nhãn và tên" }));
    });
    expect(insert).toHaveBeenLastCalledWith("Tiêu chí 3.6: Thư viện", undefined);
  });

  it("says when nothing matches", () => {
    renderPanel(tt17, null);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "xyzzy" } });
    expect(screen.getByText("Không có tiêu chí nào khớp với “xyzzy”.")).toBeTruthy();
  });

  it("asks before appending to an occupied cell", async () => {
    const insert = jest
      .fn<Promise<InsertResult>, [string, { append?: boolean }?]>()
      .mockResolvedValueOnce({ ok: false, reason: "occupied", where: "KH!B4", current: "x" })
      .mockResolvedValueOnce({ ok: true, where: "KH!B4" });
    renderPanel(tt17, insert);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "1.10" } });
    fireEvent.click(screen.getByRole("button", { name: "Chèn nhãn" }));
    fireEvent.click(await screen.findByRole("button", { name: "Thêm vào cuối ô" }));
    expect(insert).toHaveBeenLastCalledWith("Tiêu chí 1.10", { append: true });
    await screen.findByText("Đã chèn vào KH!B4.");
  });

  it("turns an Office error into a Vietnamese message", async () => {
    renderPanel(tt17, async () => {
      throw new Error("GeneralException");
    });
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "1.1" } });
    fireEvent.click(screen.getAllByRole("button", { name: "Chèn nhãn" })[0] as HTMLElement);
    await screen.findByText("Không chèn được: GeneralException");
  });

  it("without a document to insert into, copies for pasting (or, without a clipboard, says where inserting works)", async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
    renderPanel(tt17, null);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "3.6" } });
    fireEvent.click(screen.getByRole("button", { name: "Chép nhãn" }));
    await screen.findByText("Đã chép “Tiêu chí 3.6”: dán vào tài liệu (Ctrl+V).");
    expect(copied).toEqual(["Tiêu chí 3.6"]);
    delete (navigator as { clipboard?: unknown }).clipboard;
    fireEvent.click(screen.getByRole("button", { name: "Chép nhãn và tên" }));
    expect(screen.getByText("Mở KHCT trong Word hoặc Excel để chèn vào tài liệu.")).toBeTruthy();
  });
});

describe("App with a document (through the adapters and the recording fakes)", () => {
  const wordInfo = { kind: "word", displayLanguage: "vi-VN", theme: "light", gaps: [] } as const;

  it("reads the plan's identity, confirms it into the document and inserts at the cursor", async () => {
    const model = wordModel([
      "TRƯỜNG TIỂU HỌC BẮC HƯNG",
      "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
      "Căn cứ Thông tư số 17/2018/TT-BGDĐT",
      "",
    ]);
    model.selection = { paragraph: 3, start: 0, end: 0 };
    const fake = fakeWordRun(model);
    await renderApp(<App info={wordInfo} adapter={createWordAdapter(fake.run)} />);
    await screen.findByText("Đọc từ tài liệu: Trường Tiểu học Bắc Hưng · Năm học 2025-2026.");
    expect((screen.getByRole("combobox", { name: "Cấp học" }) as HTMLSelectElement).value).toBe(
      "tieu-hoc"
    );
    expect(screen.getByText("theo văn bản kế hoạch trích dẫn")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Xác nhận" }));
    await screen.findByText(/Đã xác nhận và lưu trong tài liệu/);
    expect(JSON.parse(model.customProperties.get("KHCT") ?? "{}")).toEqual({
      v: 1,
      level: "tieu-hoc",
      fw: "tt17-2018",
      year: "2025-2026",
    });

    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "an ninh" } });
    fireEvent.click(
      within(screen.getAllByRole("article")[0] as HTMLElement).getByRole("button", {
        name: "Chèn nhãn",
      })
    );
    await screen.findByText("Đã chèn vào vị trí con trỏ.");
    expect(model.paragraphs[3]).toBe("Tiêu chí 1.10");
  });

  it("a co-author opening the same document gets the stored choice, even against the text", async () => {
    const model = wordModel(["TRƯỜNG MẦM NON HOA SEN"]);
    model.customProperties.set("KHCT", '{"v":1,"level":"mam-non","fw":"tt19-2018","year":null}');
    await renderApp(<App info={wordInfo} adapter={createWordAdapter(fakeWordRun(model).run)} />);
    await screen.findByText(/Đã xác nhận và lưu trong tài liệu/);
    expect(
      screen.getByRole("button", {
        name: "Tiêu chuẩn 5: Hoạt động và kết quả nuôi dưỡng, chăm sóc, giáo dục trẻ",
      })
    ).toBeTruthy();
  });

  it("a 2026-2027 plan citing no circular: asks once which circular it follows, stores the answer, and does not ask again", async () => {
    const model = wordModel([
      "TRƯỜNG TIỂU HỌC HOA SEN",
      "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2026-2027",
    ]);
    const { unmount } = await renderApp(
      <App info={wordInfo} adapter={createWordAdapter(fakeWordRun(model).run)} />
    );
    const ask = await screen.findByLabelText("Kế hoạch theo thông tư nào?");
    expect(ask.textContent).toMatch(
      /Kế hoạch năm học 2026-2027 không dẫn thông tư nào\. Từ năm học 2026-2027, Thông tư 57\/2026\/TT-BGDĐT .* thay thế Thông tư 17\/2018\/TT-BGDĐT/
    );
    // Offered first: the successor; the 2018 circular one click away.
    const buttons = within(ask)
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(buttons).toEqual(["Theo Thông tư 57/2026/TT-BGDĐT", "Theo Thông tư 17/2018/TT-BGDĐT"]);
    fireEvent.click(within(ask).getByRole("button", { name: "Theo Thông tư 17/2018/TT-BGDĐT" }));
    await screen.findByText(/Đã xác nhận và lưu trong tài liệu/);
    expect(JSON.parse(model.customProperties.get("KHCT") ?? "{}")).toMatchObject({
      fw: "tt17-2018",
    });
    expect(screen.queryByLabelText("Kế hoạch theo thông tư nào?")).toBeNull();
    expect(
      (screen.getByRole("combobox", { name: "Khung tiêu chí" }) as HTMLSelectElement).value
    ).toBe("tt17-2018");
    // Opened again (a co-author, or tomorrow): the stored answer holds, no question.
    unmount();
    await renderApp(<App info={wordInfo} adapter={createWordAdapter(fakeWordRun(model).run)} />);
    await screen.findByText(/Đã xác nhận và lưu trong tài liệu/);
    expect(screen.queryByLabelText("Kế hoạch theo thông tư nào?")).toBeNull();
  });

  it("lets the user change the level, and shows the other circular", async () => {
    const model = excelModel({ KH: { A1: "Kế hoạch" } });
    await renderApp(
      <App
        info={{ ...wordInfo, kind: "excel" }}
        adapter={createExcelAdapter(fakeExcelRun(model).run)}
      />
    );
    await screen.findByText(/Chưa nhận ra cấp học/);
    fireEvent.change(screen.getByRole("combobox", { name: "Cấp học" }), {
      target: { value: "trung-hoc" },
    });
    expect(
      screen.getByText(/Thông tư 18\/2018\/TT-BGDĐT — 5 tiêu chuẩn, 28 tiêu chí/)
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Xác nhận" }));
    await waitFor(() => expect(model.settings.get("KHCT")).toBeDefined());
  });

  it("shows a read error as a message", async () => {
    const adapter = {
      ...createWordAdapter(fakeWordRun(wordModel()).run),
      readPlanContext: () => Promise.reject(new Error("AccessDenied")),
    };
    await renderApp(<App info={wordInfo} adapter={adapter} />);
    await screen.findByText("Không đọc được tài liệu: AccessDenied");
  });
});
