import { createExcelAdapter, asCellText } from "../../../src/hosts/excel/excelAdapter";
import { createWordAdapter } from "../../../src/hosts/word/wordAdapter";
import type { PlanSettings } from "../../../src/core/plan/settings";
import { excelModel, fakeExcelRun, fakeExcelContext } from "../../fakes/excel";
import { fakeWordContext, fakeWordRun, wordModel } from "../../fakes/word";

const settings: PlanSettings = {
  version: 1,
  level: "tieu-hoc",
  frameworkId: "tt17-2018",
  schoolYear: "2025-2026",
};

describe("the recording fakes behave like office.js", () => {
  it("throw on a property read before load and sync, and apply writes only at sync", async () => {
    const model = wordModel(["Một"]);
    const { context, api } = fakeWordContext(model);
    const paragraphs = api.document.body.paragraphs.load("items/text");
    expect(() => paragraphs.items).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(paragraphs.items.map((p) => p.text)).toEqual(["Một"]);
    api.document.getSelection().insertText("X", "End");
    expect(model.paragraphs).toEqual(["Một"]);
    await context.sync();
    expect(model.paragraphs).toEqual(["XMột"]);
    expect(context.syncCount).toBe(2);
  });

  it("Excel: isNullObject only after sync; values written at sync", async () => {
    const model = excelModel({ S: { A1: "a" } });
    const { context, api } = fakeExcelContext(model);
    const setting = api.workbook.settings.getItemOrNullObject("K");
    // The point of this line is the read before sync that the office-addins rule forbids.
    // eslint-disable-next-line office-addins/call-sync-before-read
    expect(() => setting.isNullObject).toThrow(/PropertyNotLoaded/);
    const cell = api.workbook.getActiveCell();
    cell.values = [["b"]];
    expect(model.sheets[0]?.cells.get("A1")).toBe("a");
    await context.sync();
    expect(setting.isNullObject).toBe(true);
    expect(model.sheets[0]?.cells.get("A1")).toBe("b");
  });
});

describe("Word adapter", () => {
  it("reads the document text and no settings from a fresh document, in one sync", async () => {
    const model = wordModel(["TRƯỜNG TIỂU HỌC BẮC HƯNG", "Năm học 2025-2026"]);
    const fake = fakeWordRun(model);
    const result = await createWordAdapter(fake.run).readPlanContext();
    expect(result).toEqual({
      paragraphs: ["TRƯỜNG TIỂU HỌC BẮC HƯNG", "Năm học 2025-2026"],
      settings: null,
    });
    expect(fake.syncs()).toBe(1);
  });

  it("round-trips the settings through a custom document property", async () => {
    const model = wordModel(["x"]);
    const fake = fakeWordRun(model);
    const adapter = createWordAdapter(fake.run);
    await adapter.writeSettings(settings);
    expect(JSON.parse(model.customProperties.get("KHCT") ?? "")).toMatchObject({
      level: "tieu-hoc",
      fw: "tt17-2018",
    });
    expect((await adapter.readPlanContext()).settings).toEqual(settings);
    expect(fake.syncs()).toBe(2);
  });

  it("ignores a stored value it cannot trust (another version, a co-author's typo)", async () => {
    const model = wordModel(["x"]);
    model.customProperties.set("KHCT", '{"v":9}');
    const fake = fakeWordRun(model);
    expect((await createWordAdapter(fake.run).readPlanContext()).settings).toBeNull();
  });

  it("inserts after the selection, never replacing it, and puts the cursor after the text", async () => {
    const model = wordModel(["Tiêu chuẩn 1: "]);
    model.selection = { paragraph: 0, start: 0, end: 10 }; // "Tiêu chuẩn" selected
    const fake = fakeWordRun(model);
    const result = await createWordAdapter(fake.run).insertAtSelection("Tiêu chí 1.2");
    expect(result).toEqual({ ok: true, where: "selection" });
    expect(model.paragraphs[0]).toBe("Tiêu chuẩnTiêu chí 1.2 1: ");
    expect(model.selection).toEqual({ paragraph: 0, start: 22, end: 22 });
    expect(fake.syncs()).toBe(1);
  });
});

describe("Excel adapter", () => {
  it("reads every sheet's cells and the settings in two syncs, whatever the number of sheets", async () => {
    const sheets: Record<string, Record<string, string>> = {};
    for (let i = 0; i < 12; i++)
      sheets[`S${i}`] = { A1: `Trường Tiểu học Số ${i}`, C3: "Năm học 2025-2026" };
    const fake = fakeExcelRun(excelModel(sheets));
    const result = await createExcelAdapter(fake.run).readPlanContext();
    expect(result.paragraphs).toHaveLength(24);
    expect(result.paragraphs[0]).toBe("Trường Tiểu học Số 0");
    expect(fake.syncs()).toBe(2);
  });

  it("round-trips the settings through the workbook settings", async () => {
    const model = excelModel();
    const fake = fakeExcelRun(model);
    const adapter = createExcelAdapter(fake.run);
    await adapter.writeSettings(settings);
    expect((await adapter.readPlanContext()).settings).toEqual(settings);
  });

  it("fills an empty active cell", async () => {
    const model = excelModel({ KH: {} });
    model.active.cell = "B4";
    const fake = fakeExcelRun(model);
    expect(await createExcelAdapter(fake.run).insertAtSelection("Tiêu chí 3.6")).toEqual({
      ok: true,
      where: "KH!B4",
    });
    expect(model.sheets[0]?.cells.get("B4")).toBe("Tiêu chí 3.6");
    expect(fake.syncs()).toBe(2);
  });

  it("never overwrites a non-empty cell; appends on a new line only when asked", async () => {
    const model = excelModel({ KH: { B4: "Giải pháp của trường" } });
    model.active.cell = "B4";
    const adapter = createExcelAdapter(fakeExcelRun(model).run);
    expect(await adapter.insertAtSelection("Tiêu chí 3.6")).toEqual({
      ok: false,
      reason: "occupied",
      where: "KH!B4",
      current: "Giải pháp của trường",
    });
    expect(model.sheets[0]?.cells.get("B4")).toBe("Giải pháp của trường");
    expect(await adapter.insertAtSelection("Tiêu chí 3.6", { append: true })).toMatchObject({
      ok: true,
    });
    expect(model.sheets[0]?.cells.get("B4")).toBe("Giải pháp của trường\nTiêu chí 3.6");
  });

  it("never touches a formula cell", async () => {
    const model = excelModel({ KH: { B4: "=SUM(A1:A3)" } });
    model.active.cell = "B4";
    const adapter = createExcelAdapter(fakeExcelRun(model).run);
    expect(await adapter.insertAtSelection("x", { append: true })).toEqual({
      ok: false,
      reason: "formula",
      where: "KH!B4",
    });
    expect(model.sheets[0]?.cells.get("B4")).toBe("=SUM(A1:A3)");
  });

  it("stores text that looks like a formula as text", async () => {
    expect(asCellText("- Xây dựng kế hoạch")).toBe("'- Xây dựng kế hoạch");
    expect(asCellText("=1+1")).toBe("'=1+1");
    expect(asCellText("Tiêu chí 1.2")).toBe("Tiêu chí 1.2");
  });
});
