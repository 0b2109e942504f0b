/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { DOMParser } from "@xmldom/xmldom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { App } from "../../../src/taskpane/components/App";
import { renderApp } from "./renderApp";
import { createWordChangeWatcher, createExcelChangeWatcher } from "../../../src/hosts/changes";
import { createWordCheckHost } from "../../../src/hosts/word/checkHost";
import { createExcelCheckHost } from "../../../src/hosts/excel/planSheet";
import { createWordAdapter } from "../../../src/hosts/word/wordAdapter";
import { createExcelAdapter } from "../../../src/hosts/excel/excelAdapter";
import { emitChange } from "../../fakes/recording";
import { createWriteToken } from "../../../src/hosts/ownWrites";
import { OFFICE_CLIENTS, type OfficeClient } from "../../../src/hosts/clients";

const EXCEL_2019 = OFFICE_CLIENTS.find((c) => c.id === "excel-2019") as OfficeClient;
import { excelModel, fakeExcelRun } from "../../fakes/excel";
import { fakeWordRun } from "../../fakes/word";
import { wordPlanWithLabelSlip } from "../../fakes/plans";
import { STANDARD_HEADER } from "../../fixtures/tables";

const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;

const plan = wordPlanWithLabelSlip;

describe("change watchers", () => {
  it("Word: registers paragraph events in one sync, reports the source, removes them in one sync", async () => {
    const model = plan();
    const fake = fakeWordRun(model);
    const heard: string[] = [];
    const stop = await createWordChangeWatcher(fake.run).start((source) => heard.push(source));
    expect(fake.syncs()).toBe(1);
    expect(model.handlers?.size).toBe(3);
    await emitChange(model.handlers!, "Remote");
    expect(heard).toEqual(["Remote", "Remote", "Remote"]);
    await stop();
    expect(model.handlers?.size).toBe(0);
  });

  it("Excel: one worksheet-changed handler with its Local/Remote source", async () => {
    const model = excelModel();
    const heard: string[] = [];
    const stop = await createExcelChangeWatcher(fakeExcelRun(model).run).start((source) =>
      heard.push(source)
    );
    await emitChange(model.handlers!, "Local");
    expect(heard).toEqual(["Local"]);
    await stop();
    expect(model.handlers?.size).toBe(0);
  });
});

describe("change watching on Excel 2019 (ExcelApi 1.8)", () => {
  it("the workbook-wide event (ExcelApi 1.9) fails there with ApiNotFound; one handler per sheet (1.7) hears every sheet", async () => {
    const model = excelModel({ KH: {}, "Tự đánh giá": {} });
    model.client = EXCEL_2019;
    // What KHCT did before: the error reached nobody.
    await expect(
      createExcelChangeWatcher(fakeExcelRun(model).run, { workbookEvents: true }).start(() => {})
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const heard: string[] = [];
    const fake = fakeExcelRun(model);
    const stop = await createExcelChangeWatcher(fake.run, { workbookEvents: false }).start(
      (source) => heard.push(source)
    );
    expect(fake.syncs()).toBe(2); // the sheets' names, then the handlers: not one per sheet
    expect(model.handlers?.size).toBe(3); // two sheets, and sheets added later
    await emitChange(model.handlers!, "Remote");
    expect(heard).toEqual(["Remote", "Remote", "Remote"]);
    await stop();
    expect(model.handlers?.size).toBe(0);
  });

  it("when listening cannot start, the pane says so in Vietnamese, with what to do", async () => {
    const model = excelModel({ KH: { A1: "Kế hoạch" } });
    model.client = EXCEL_2019;
    const fake = fakeExcelRun(model);
    await renderApp(
      <App
        info={{ kind: "excel", displayLanguage: "vi-VN", theme: "light", gaps: [] }}
        adapter={createExcelAdapter(fake.run)}
        changes={createExcelChangeWatcher(fake.run, { workbookEvents: true })}
      />
    );
    await screen.findByText(
      /KHCT không theo dõi được thay đổi của tài liệu \(Phiên bản Office này chưa có chức năng KHCT cần cho việc này: .* \(mã lỗi Office: ApiNotFound\)\): sau khi bạn hoặc người cùng soạn sửa, hãy bấm “Đọc lại”/
    );
  });
});

describe("co-authoring in the pane", () => {
  it("re-reads after a co-author's change and says so, without opening any dialog", async () => {
    const model = plan();
    const fake = fakeWordRun(model);
    await renderApp(
      <App
        info={{ kind: "word", displayLanguage: "vi-VN", theme: "light", gaps: [] }}
        adapter={createWordAdapter(fake.run)}
        checkHost={createWordCheckHost(fake.run, parse)}
        changes={createWordChangeWatcher(fake.run)}
      />
    );
    fireEvent.click(await screen.findByRole("tab", { name: "Kiểm tra" }));
    await screen.findByText(/Nhãn “Tiêu chí 1\. 2” viết chưa đúng dạng/);
    await waitFor(() => expect(model.handlers?.size).toBe(3));

    // A co-author corrects the label in their copy; the event reaches this pane.
    model.tables[0]!.rows[3]!.cells[1]!.text = "Tiêu chí 1.2";
    await emitChange(model.handlers!, "Remote");
    await screen.findByText("Tài liệu vừa được người cùng soạn sửa; KHCT đã đọc lại.", undefined, {
      timeout: 4000,
    });
    await waitFor(() => expect(screen.queryByText(/Nhãn “Tiêu chí 1\. 2”/)).toBeNull());
    expect(screen.queryByRole("dialog")).toBeNull();
  }, 10_000);
});

describe("KHCT's own writes", () => {
  it("a fix raises Word's change events, and the pane does not re-read for them; a user's change later still counts", async () => {
    const model = plan();
    const fake = fakeWordRun(model);
    const checkHost = createWordCheckHost(fake.run, parse);
    // Word raises paragraph events for the add-in's own changes too (they arrive after the sync).
    const raising = {
      ...checkHost,
      applyEdits: async (...args: Parameters<typeof checkHost.applyEdits>) => {
        const outcome = await checkHost.applyEdits(...args);
        void emitChange(model.handlers!, "Local");
        return outcome;
      },
    };
    await renderApp(
      <App
        info={{ kind: "word", displayLanguage: "vi-VN", theme: "light", gaps: [] }}
        adapter={createWordAdapter(fake.run)}
        checkHost={raising}
        changes={createWordChangeWatcher(fake.run)}
      />
    );
    fireEvent.click(await screen.findByRole("tab", { name: "Kiểm tra" }));
    await screen.findByText(/Nhãn “Tiêu chí 1\. 2” viết chưa đúng dạng/);
    await waitFor(() => expect(model.handlers?.size).toBe(3));
    fireEvent.click(screen.getAllByRole("button", { name: "Sửa" })[0]!);
    // The change is previewed, then confirmed.
    fireEvent.click(await screen.findByRole("button", { name: "Áp dụng" }));
    await screen.findByText(/Đã sửa 1 ô/);
    const afterFix = fake.syncs();
    // Longer than the pane's quiet time: a re-read would have happened by now.
    await new Promise((r) => setTimeout(r, 2600));
    expect(fake.syncs()).toBe(afterFix);
    // Later, the user types in the document: that is read again.
    await emitChange(model.handlers!, "Local");
    await waitFor(() => expect(fake.syncs()).toBeGreaterThan(afterFix), { timeout: 4000 });
  }, 15_000);

  it("Excel: a change the add-in made (triggerSource ThisLocalAddin) is not reported", async () => {
    const model = excelModel();
    const heard: string[] = [];
    const stop = await createExcelChangeWatcher(fakeExcelRun(model).run).start((source) =>
      heard.push(source)
    );
    await emitChange(model.handlers!, "Local", "ThisLocalAddin");
    await emitChange(model.handlers!, "Local", "ThisLocalNonAddin");
    expect(heard).toEqual(["Local"]);
    await stop();
  });

  it("the token: a Local change during a write or within the settle time is KHCT's own", async () => {
    let now = 1000;
    const token = createWriteToken(2000, () => now);
    expect(token.own()).toBe(false);
    let inside = false;
    await token.during(async () => {
      now += 500;
      inside = token.own();
    });
    expect(inside).toBe(true);
    now += 1999;
    expect(token.own()).toBe(true);
    now += 2;
    expect(token.own()).toBe(false);
    await expect(token.during(() => Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(token.own()).toBe(true); // a failed write's events are its own too
  });
});

describe("switching the language", () => {
  it("does not read the document again (the messages change, the reads do not)", async () => {
    const model = plan();
    const fake = fakeWordRun(model);
    await renderApp(
      <App
        info={{ kind: "word", displayLanguage: "vi-VN", theme: "light", gaps: [] }}
        adapter={createWordAdapter(fake.run)}
        checkHost={createWordCheckHost(fake.run, parse)}
      />
    );
    fireEvent.click(await screen.findByRole("tab", { name: "Kiểm tra" }));
    await screen.findByText(/Nhãn “Tiêu chí 1\. 2” viết chưa đúng dạng/);
    await new Promise((r) => setTimeout(r, 100));
    const before = fake.syncs();
    fireEvent.change(screen.getByLabelText("Ngôn ngữ"), { target: { value: "en" } });
    await screen.findByRole("tab", { name: "Check" });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.syncs()).toBe(before);
  });
});

describe("findings as native comments", () => {
  it("Word: a comment on the cell of each finding, in two syncs, and never the same note twice", async () => {
    const model = plan();
    const fake = fakeWordRun(model);
    const host = createWordCheckHost(fake.run, parse);
    await host.readDocument();
    const notes = [
      {
        location: { table: "table-0", row: 3, column: 1 },
        text: "KHCT – Cảnh báo: nhãn viết sai dạng",
      },
      { location: { paragraph: 1 }, text: "KHCT – Gợi ý: năm học" },
    ];
    const before = fake.syncs();
    expect(await host.attachComments!(notes)).toEqual({ added: 2, skipped: 0 });
    expect(fake.syncs() - before).toBe(2);
    expect(model.comments).toEqual([
      { where: "t0:3:1", content: "KHCT – Cảnh báo: nhãn viết sai dạng" },
      { where: "p1", content: "KHCT – Gợi ý: năm học" },
    ]);
    expect(await host.attachComments!(notes)).toEqual({ added: 0, skipped: 2 });
    expect(model.comments).toHaveLength(2);
  });

  it("Excel: a comment on the finding's cell; a cell that has one already is skipped", async () => {
    const model = excelModel({
      KH: {
        A1: "KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026",
        ...Object.fromEntries(
          STANDARD_HEADER.map((h, c) => [`${String.fromCharCode(65 + c)}3`, h])
        ),
        B4: "Tiêu chí 1. 2",
      },
    });
    model.comments = [{ address: "KH!A1", content: "của người dùng" }];
    const host = createExcelCheckHost(fakeExcelRun(model).run);
    await host.readDocument();
    const result = await host.attachComments!([
      { location: { table: "KH!2", row: 1, column: 1 }, text: "KHCT – nhãn" },
      { location: { paragraph: 0 }, text: "KHCT – năm học" },
    ]);
    expect(result).toEqual({ added: 1, skipped: 1 });
    expect(model.comments).toEqual([
      { address: "KH!A1", content: "của người dùng" },
      { address: "KH!B4", content: "KHCT – nhãn" },
    ]);
  });
});
