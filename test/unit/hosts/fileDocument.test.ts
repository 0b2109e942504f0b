import * as fs from "fs";
import * as path from "path";
import { defaultFramework } from "../../../src/core/catalogue";
import { newPlanTable } from "../../../src/core/plan/newTable";
import { layoutById } from "../../../src/core/plan/layouts";
import { computeFillPatch } from "../../../src/core/plan/patch";
import { proposeRows } from "../../../src/core/plan/proposal";
import { analyseTables, resultsFromTables } from "../../../src/core/plan/session";
import { check } from "../../../src/core/validation/check";
import { detectPlanIdentity } from "../../../src/core/plan/identity";
import { openFileDocument } from "../../../src/hosts/file/fileDocument";
import { readOfficeFile } from "../../../src/hosts/file/read";

const FILES = path.resolve(__dirname, "../../fixtures/files");
const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FILES, name)));
const framework = defaultFramework("tieu-hoc");

describe("a file opened in the pane outside Office", () => {
  it("fills through the plan host, keeps the original for undo, and reads back the change", async () => {
    const file = await openFileDocument("de-dien.docx", bytes("de-dien-2025-2026.docx"));
    const events: string[] = [];
    file.subscribe((e) => events.push(e));
    const tables = analyseTables(await file.planHost.readTables(), framework);
    const plan = tables.find((t) => t.kind === "plan")!;
    const { proposals } = proposeRows(framework, resultsFromTables(tables).results, {
      target: 2,
      year: null,
    });
    const patch = computeFillPatch(
      plan.table!,
      proposals.map((p) => p.template),
      framework
    );
    const outcome = await file.planHost.applyPatch(plan, patch);
    expect(outcome).toMatchObject({ ok: true, skipped: [] });
    expect(file.current().changed).toBe(true);
    const after = analyseTables(await file.planHost.readTables(), framework).find(
      (t) => t.kind === "plan"
    )!;
    expect(after.grid.rowCount).toBe(
      plan.grid.rowCount + patch.ops.filter((o) => o.kind === "insert").length
    );
    // Applying the same patch again is refused: the table is not the one it was computed from.
    expect(await file.planHost.applyPatch(plan, patch)).toEqual({ ok: false, reason: "changed" });
    expect(await file.undo()).toBe(true);
    expect(file.current()).toEqual({ data: bytes("de-dien-2025-2026.docx"), changed: false });
    expect(await file.undo()).toBe(false);
    expect(events).toEqual(["change", "undo"]);
    expect(file.downloadName()).toBe("de-dien (KHCT).docx");
  });

  it("applies a check's fix to the cell, only if it still holds what was read", async () => {
    const file = await openFileDocument("kh.docx", bytes("ke-hoach-2021-2022.docx"));
    const content = await file.checkHost.readDocument();
    const findings = check({
      framework,
      level: "tieu-hoc",
      identity: detectPlanIdentity(content.paragraphs),
      paragraphs: content.paragraphs,
      tables: analyseTables(content.tables, framework),
    });
    const label = findings.find((f) => f.rule === "criterion-label" && f.fix)!;
    expect(await file.checkHost.applyEdits(label.fix!)).toMatchObject({ written: 1, skipped: 0 });
    const reread = await readOfficeFile(file.current().data);
    const texts = reread.tables[0]!.grid.cells.flat().map((c) => c.text);
    expect(texts).toContain("Tiêu chí 1.4");
    expect(texts).not.toContain("Tiêu chí 1. 4");
    // The same fix again: the cell no longer holds what the fix expects.
    expect(await file.checkHost.applyEdits(label.fix!)).toMatchObject({
      written: 0,
      skipped: 1,
      applied: [],
    });
  });

  it("inserts a new standard table at the end of a .docx that has none", async () => {
    const file = await openFileDocument("kh.docx", bytes("ke-hoach-2021-2022.docx"));
    const table = newPlanTable(layoutById("standard"), [], framework);
    const outcome = await file.planHost.insertTable(table.rows, table.merged, table.headerRows);
    expect(outcome).toEqual({ ok: true, where: "cuối văn bản" });
    const tables = analyseTables(await file.planHost.readTables(), framework);
    expect(tables.filter((t) => t.kind === "plan")).toHaveLength(2);
  });

  it.each(["docx", "xlsx"])(
    "adds the progress columns to a .%s plan table on request, and they are recognised",
    async (ext) => {
      const file = await openFileDocument(`de-dien.${ext}`, bytes(`de-dien-2025-2026.${ext}`));
      const plan = analyseTables(await file.planHost.readTables(), framework).find(
        (t) => t.kind === "plan"
      )!;
      expect(plan.table!.header.columns.progress).toBeUndefined();
      expect(await file.planHost.addProgressColumns!(plan)).toEqual({ ok: true });
      const after = analyseTables(await file.planHost.readTables(), framework).find(
        (t) => t.kind === "plan"
      )!;
      const width = plan.grid.colCount;
      expect(after.grid.colCount).toBe(width + 2);
      expect(after.grid.rowCount).toBe(plan.grid.rowCount);
      expect(after.grid.cells[0]!.slice(width).map((c) => c.text)).toEqual([
        "Tiến độ thực hiện",
        "Kết quả thực hiện",
      ]);
      expect(after.grid.cells.slice(1).every((r) => r.slice(width).every((c) => !c.text))).toBe(
        true
      );
      expect(after.table!.header.columns.progress).toBe(width);
      expect(after.table!.header.columns.result).toBe(width + 1);
      // Everything that was there is unchanged.
      expect(after.grid.cells.map((r) => r.slice(0, width).map((c) => c.text))).toEqual(
        plan.grid.cells.map((r) => r.map((c) => c.text))
      );
      // A stale table (read before the change) is refused.
      expect(await file.planHost.addProgressColumns!(plan)).toEqual({
        ok: false,
        reason: "changed",
      });
      expect(await file.undo()).toBe(true);
      expect(file.current().changed).toBe(false);
    }
  );

  it("opens a plan saved as HTML as a new .docx of its text and tables, with something to download", async () => {
    const html = `<html><body><p>TRƯỜNG TIỂU HỌC HOA SEN</p><p>KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026</p>
<table border=1><tr><th>TT<th>Tiêu chuẩn, tiêu chí<th>Kết quả cần đạt<th>Giải pháp<th>Chủ trì<th>Thời gian</tr>
<tr><td>1</td><td colspan=5>Tiêu chuẩn 1: Tổ chức và quản lý nhà trường</td></tr>
<tr><td rowspan=2></td><td>Tiêu chí 1.2</td><td>Hội đồng hoạt động</td><td>Họp định kỳ</td><td>Hiệu trưởng</td><td>Học kỳ I</td></tr>
<tr><td>Tiêu chí 1.3</td><td></td><td></td><td></td><td></td></tr></table></body></html>`;
    const file = await openFileDocument("ke-hoach.doc", new TextEncoder().encode(html));
    expect(file.kind).toBe("docx");
    expect(file.convertedFrom).toBe("html");
    expect(file.current().changed).toBe(true);
    expect(file.downloadName()).toBe("ke-hoach (KHCT).docx");
    const reread = await readOfficeFile(file.current().data);
    expect(reread.kind).toBe("docx");
    const [table] = await file.planHost.readTables();
    // The vertical merge of the first column is kept.
    expect(table?.grid.cells[3]?.[0]?.origin).toEqual({ row: 2, col: 0 });
    expect(table?.grid.cells[3]?.[1]?.text).toBe("Tiêu chí 1.3");
    const plan = analyseTables(await file.planHost.readTables(), framework).find(
      (t) => t.kind === "plan"
    );
    expect(plan?.table).toBeTruthy();
  });

  it("refuses what is not a .docx or .xlsx, in Vietnamese", async () => {
    await expect(openFileDocument("a.docx", new TextEncoder().encode("xin chào"))).rejects.toThrow(
      /Không phải tệp Office/
    );
  });
});
