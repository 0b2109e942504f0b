/**
 * Word's own OOXML, not a tidy one (issue 17): rows and cells in content controls, text boxes written
 * twice (mc:AlternateContent), tracked changes, bookmarks and proofing marks inside cells, and a
 * glossary part in the package — read, filled, and located the way Word's object model counts.
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { recognizeHeader } from "../../../src/core/plan/header";
import { computeFillPatch } from "../../../src/core/plan/patch";
import { readPlanTable } from "../../../src/core/plan/rows";
import { criterionRowTemplate, type RowTemplate } from "../../../src/core/plan/templates";
import { buildGrid } from "../../../src/core/plan/table";
import { parseSchoolYear } from "../../../src/core/text/schoolYear";
import { readOfficeFile } from "../../../src/hosts/file/read";
import { fillDocx } from "../../../src/hosts/file/write";
import { readParagraphs, readTables } from "../../../src/hosts/ooxml/tables";
import { createWordCheckHost } from "../../../src/hosts/word/checkHost";
import { createWordPlanTables } from "../../../src/hosts/word/planTables";
import { bodyOoxml, fakeWordRun, wordModel, type WordModel } from "../../fakes/word";
import { STANDARD_HEADER } from "../../fixtures/tables";
import { docxOfBody } from "../../corpus/files";

const tt17 = frameworkById("tt17-2018") as Framework;
const year = parseSchoolYear("2025-2026");
const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
const plain = (...texts: string[]) => ({ cells: texts.map((text) => ({ text })) });

/** A plan as Word saves one a school edited: rows in content controls, marks, a tracked change. */
function shaped(): WordModel {
  const model = wordModel([
    "TRƯỜNG TIỂU HỌC HOA SEN",
    "KẾ HOẠCH cải tiến chất lượng giáo dục năm học 2025-2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nơi nhận:",
  ]);
  model.textBoxes = [{ anchor: 1, paragraphs: ["Dự thảo", "lần 2"], table: [["x", "y"]] }];
  model.glossary = true;
  model.tables.push({
    rows: [
      { cells: STANDARD_HEADER.map((text) => ({ text })), header: true },
      { cells: [{ text: "MỨC 1, 2, 3", span: 9 }], sdt: true },
      {
        cells: [{ text: "1" }, { text: "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", span: 8 }],
        sdt: true,
      },
      {
        ...plain("", "Tiêu chí 1.2", "Kết quả của trường", "", "Hiệu trưởng", "", "", "", ""),
        sdt: true,
      },
      {
        cells: [
          { text: "" },
          { text: "Tiêu chí 1.3", sdt: true },
          { text: "Công khai kế hoạch", marks: true },
          { text: "Niêm yết", deleted: "Dán bảng tin" },
          { text: "Hiệu trưởng" },
          { text: "" },
          { text: "" },
          { text: "" },
          { text: "" },
        ],
        sdt: true,
      },
    ],
  });
  return model;
}

describe("Word's own OOXML", () => {
  it("reads rows and cells inside content controls; marks and deleted text are not text; text boxes and the glossary are not the body's", () => {
    const doc = parse(bodyOoxml(shaped()));
    const tables = readTables(doc);
    expect(tables).toHaveLength(1); // not the text box's, not the glossary's
    const rows = buildGrid(tables[0]!.rows).cells.map((row) => row.map((c) => c.text));
    expect(rows).toHaveLength(5);
    expect(rows[4]!.slice(1, 4)).toEqual(["Tiêu chí 1.3", "Công khai kế hoạch", "Niêm yết"]);
    expect(tables[0]!.cellIndex[4]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Body paragraphs, numbered as Word's body.paragraphs counts them (text boxes are not in it).
    expect(readParagraphs(doc)).toEqual([
      { text: "TRƯỜNG TIỂU HỌC HOA SEN", index: 0 },
      { text: "KẾ HOẠCH cải tiến chất lượng giáo dục năm học 2025-2026", index: 1 },
      { text: "I. MỤC ĐÍCH, YÊU CẦU", index: 2 },
      { text: "Nơi nhận:", index: 3 },
    ]);
  });

  it("fills a table whose rows are in content controls (it used to be refused as a co-author's change)", async () => {
    const model = shaped();
    const fake = fakeWordRun(model);
    const word = createWordPlanTables(fake.run, parse);
    const [snapshot] = await word.readTables();
    const header = recognizeHeader(snapshot!.grid);
    if (!header.ok) throw new Error(header.reason);
    const templates = ["1.1", "1.2"]
      .map((id) => criterionRowTemplate(tt17, id, 2, 1, year))
      .filter((t): t is RowTemplate => t !== null);
    const patch = computeFillPatch(
      readPlanTable(snapshot!.grid, header.match, tt17),
      templates,
      tt17
    );
    const outcome = await word.applyPatch(snapshot!, patch);
    expect(outcome).toMatchObject({ ok: true, inserted: 1 });
    const rows = model.tables[0]!.rows.map((r) => r.cells.map((c) => c.text));
    expect(rows.map((r) => r[1])).toContain("Tiêu chí 1.1");
    // 1.2's empty solution cell got its placeholder; the school's texts stayed.
    expect(rows.find((r) => r[1] === "Tiêu chí 1.2")?.[3]).toMatch(/^\[Ghi/);
    expect(rows.find((r) => r[1] === "Tiêu chí 1.3")?.slice(2, 4)).toEqual([
      "Công khai kế hoạch",
      "Niêm yết",
    ]);
  });

  it("Đến chỗ này after a text box selects the paragraph the finding is about", async () => {
    const model = shaped();
    const host = createWordCheckHost(fakeWordRun(model).run, parse);
    const content = await host.readDocument();
    expect(content.paragraphs.join(" ")).not.toMatch(/Dự thảo/);
    const at = content.paragraphs.indexOf("Nơi nhận:");
    await host.select({ paragraph: at });
    expect(model.selectedParagraph).toBe(3);
  });

  it("a .docx with the same markup: read, and filled with a row inserted outside the content controls", async () => {
    const xml = bodyOoxml(shaped());
    const body = /<w:body>([^]*)<\/w:body>/.exec(xml)![1]!;
    const data = await docxOfBody(body);
    // The fake's namespaces: the text box markup needs mc/wp/a/wps/v declared on the document.
    const zip = await JSZip.loadAsync(data);
    const documentXml = (await zip.file("word/document.xml")!.async("string")).replace(
      "<w:document ",
      `<w:document ${/<w:document ([^>]*)>/.exec(xml)![1]!.replace(/xmlns:w="[^"]*"\s*/, "")} `
    );
    zip.file("word/document.xml", documentXml);
    const docx = await zip.generateAsync({ type: "uint8array" });
    const content = await readOfficeFile(docx);
    expect(content.tables).toHaveLength(1);
    expect(content.paragraphs).not.toContain("Dự thảo");
    const header = recognizeHeader(content.tables[0]!.grid);
    if (!header.ok) throw new Error(header.reason);
    const template = criterionRowTemplate(tt17, "1.1", 2, 1, year)!;
    const patch = computeFillPatch(
      readPlanTable(content.tables[0]!.grid, header.match, tt17),
      [template],
      tt17
    );
    const filled = await fillDocx(docx, 0, patch);
    expect(filled.inserted).toBe(1);
    const again = await readOfficeFile(filled.data);
    const labels = again.tables[0]!.grid.cells.map((r) => r[1]?.text);
    expect(labels.slice(2, 6)).toEqual([
      "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường",
      "Tiêu chí 1.1",
      "Tiêu chí 1.2",
      "Tiêu chí 1.3",
    ]);
    // The new row is the table's own child, not inside the next row's content control.
    const out = await (
      await JSZip.loadAsync(filled.data)
    )
      .file("word/document.xml")!
      .async("string");
    expect(out).toMatch(/<\/w:sdt><w:tr>(?:(?!<w:tr>).)*Tiêu chí 1\.1/s);
  });
});
