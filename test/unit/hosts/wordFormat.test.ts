import { DOMParser } from "@xmldom/xmldom";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import { formatSession } from "../../../src/core/format/session";
import { createWordFormatHost } from "../../../src/hosts/word/format";
import { fakeWordRun, wordModel, type WordModel, type WordTableModel } from "../../fakes/word";
import { STANDARD_HEADER } from "../../fixtures/tables";

const tt17 = frameworkById("tt17-2018") as Framework;
const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
const plain = (...texts: string[]) => ({ cells: texts.map((text) => ({ text })) });

function planTable(extraRows: number): WordTableModel {
  const rows: WordTableModel["rows"] = [
    { cells: STANDARD_HEADER.map((text) => ({ text })) },
    { cells: [{ text: "MỨC 1, 2, 3", span: 9 }] },
    { cells: [{ text: "1" }, { text: "Tiêu chuẩn 1: Tổ chức và quản lý nhà trường", span: 8 }] },
    plain(
      "",
      "Tiêu chí 1. 2",
      "Kết quả  của trường",
      "Họp định kỳ",
      "Hiệu trưởng",
      "Năm học 2025 - 2026",
      "",
      "",
      ""
    ),
  ];
  for (let i = 0; i < extraRows; i++)
    rows.push(
      plain(
        "",
        `Tiêu chí 1.${(i % 9) + 3}`,
        "",
        `Việc ${i}`,
        "Tổ trưởng",
        "Trong năm học 2025-2026",
        "",
        "",
        ""
      )
    );
  return { rows, widths: Array.from({ length: 9 }, () => 50) };
}

function document(extraRows: number): WordModel {
  const model = wordModel([
    "TRƯỜNG TIỂU HỌC HOA SEN",
    "KẾ HOẠCH cải tiến chất lượng giáo dục năm học 2025-2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Xây dựng kế hoạch cải tiến chất lượng.",
    "Nơi nhận:",
    "- Lưu: VT.",
  ]);
  model.paragraphLooks = [
    { name: "Arial", size: 12 },
    { name: "Arial", size: 14 },
    { name: "Arial", size: 12 },
    { name: "Calibri", size: 11 },
    { name: "Arial", size: 12 },
    { name: "Arial", size: 11 },
  ];
  model.tables.push(planTable(extraRows));
  return model;
}

async function format(model: WordModel) {
  const fake = fakeWordRun(model);
  const host = createWordFormatHost(fake.run, parse);
  const snapshot = await host.readFormat();
  const readSyncs = fake.syncs();
  const session = formatSession(snapshot, tt17, "word");
  const before = fake.syncs();
  const outcome = await host.applyFormat(session.plan);
  return { fake, host, session, outcome, readSyncs, applySyncs: fake.syncs() - before };
}

describe("Word formatting", () => {
  it("settles: formatting a formatted document finds nothing more to do", async () => {
    const model = document(12);
    await format(model);
    const again = await format(model);
    // Borders and widths are read back from the document's OOXML; the rest from the API.
    expect(again.session.changes.map((c) => c.label)).toEqual([]);
    expect(again.outcome).toEqual({ ok: true, written: 0, skipped: 0 });
  });

  it("previews what is off, then applies the look in a constant number of syncs", async () => {
    const model = document(0);
    const texts = () => model.tables[0]!.rows.map((r) => r.cells.map((c) => c.text));
    const original = texts();
    const { session, outcome, readSyncs, applySyncs } = await format(model);
    expect(readSyncs).toBe(1);
    expect(applySyncs).toBe(3);
    expect(session.changes.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "body-font",
        "body-size",
        "table-font",
        "header-repeat",
        "bold-rows",
        "normalize-label",
      ])
    );
    // Page margins cannot be set without WordApiDesktop 1.3: the user is told where to click.
    expect(session.manual.find((c) => c.id === "margins")?.manual).toMatch(/Bố cục \(Layout\)/);
    expect(outcome).toEqual({ ok: true, written: 3, skipped: 0 });

    expect(model.paragraphLooks?.map((l) => l.name)).toEqual(Array(6).fill("Times New Roman"));
    // Body text to 14; the all-capitals title line and the "Nơi nhận" block keep their sizes.
    expect(model.paragraphLooks?.map((l) => l.size)).toEqual([12, 14, 12, 14, 12, 11]);
    const table = model.tables[0]!;
    expect(table.rows.map((r) => r.header === true)).toEqual([true, false, false, false]);
    expect(table.rows.map((r) => r.look?.bold)).toEqual(
      [true, true, true, undefined].map((b) => b ?? false)
    );
    expect(table.rows.every((r) => r.look?.name === "Times New Roman" && r.look.size === 12)).toBe(
      true
    );
    expect(table.borders?.InsideVertical).toEqual({ type: "Single", width: 0.5, color: "#000000" });
    const widths = table.widths ?? [];
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(450, 0);
    expect(widths[0]).toBeLessThan(widths[2]!);
    // Only the listed normalisations changed any text.
    const now = texts();
    const changed = now.flatMap((row, r) =>
      row.flatMap((t, c) => (t !== original[r]![c] ? [[original[r]![c], t]] : []))
    );
    expect(changed).toEqual([
      ["Tiêu chí 1. 2", "Tiêu chí 1.2"],
      ["Kết quả  của trường", "Kết quả của trường"],
      ["Năm học 2025 - 2026", "Năm học 2025-2026"],
    ]);
  });

  it("needs the same number of syncs for 30 and 300 rows", async () => {
    const small = await format(document(30));
    const large = await format(document(300));
    expect(large.applySyncs).toBe(small.applySyncs);
    expect(large.readSyncs).toBe(small.readSyncs);
  });

  it("undo restores the look and the texts it normalised", async () => {
    const model = document(2);
    const before = JSON.parse(JSON.stringify({ p: model.paragraphLooks, t: model.tables }));
    const { host } = await format(model);
    expect(JSON.stringify(model.tables)).not.toEqual(JSON.stringify(before.t));
    expect(await host.undoFormat()).toEqual({ tableKept: false });
    const after = JSON.parse(JSON.stringify({ p: model.paragraphLooks, t: model.tables }));
    // Rows had no explicit look before: the fake then reports Calibri 11, not bold, left/top.
    for (const row of before.t[0].rows)
      row.look ??= {
        name: "Calibri",
        size: 11,
        bold: false,
        horizontalAlignment: "Left",
        verticalAlignment: "Top",
      };
    before.t[0].borders = after.t[0].borders; // borders absent before read as None, restored as None
    expect(after.p).toEqual(before.p);
    const rows = (t: { rows: { header?: boolean }[] }) =>
      t.rows.map((r) => ({ ...r, header: r.header === true }));
    expect(rows(after.t[0])).toEqual(rows(before.t[0]));
    expect(after.t[0].widths).toEqual(before.t[0].widths);
    expect(
      Object.values(after.t[0].borders).every((b) => (b as { type: string }).type === "None")
    ).toBe(true);
    expect(await host.undoFormat()).toBeNull();
  });

  it("undo on a row whose cells are aligned differently (read as “Mixed”) puts each cell's alignment back, never “Mixed”", async () => {
    const model = document(2);
    const row = model.tables[0]!.rows[3]!;
    row.look = {
      name: "Calibri",
      size: 11,
      bold: false,
      horizontalAlignment: "Left",
      verticalAlignment: "Top",
    };
    row.cells[0]!.align = { horizontal: "Centered" };
    row.cells[5]!.align = { horizontal: "Right", vertical: "Bottom" };
    const { host, fake } = await format(model);
    // The format set the row's vertical alignment: every cell's.
    expect(row.cells[5]!.align?.vertical).toBeUndefined();
    const before = fake.syncs();
    expect(await host.undoFormat()).toEqual({ tableKept: false });
    expect(fake.syncs() - before).toBe(2);
    expect(row.cells.map((c) => c.align?.horizontal ?? row.look?.horizontalAlignment)).toEqual([
      "Centered",
      "Left",
      "Left",
      "Left",
      "Left",
      "Right",
      "Left",
      "Left",
      "Left",
    ]);
    expect(row.cells[5]!.align?.vertical ?? row.look?.verticalAlignment).toBe("Bottom");
    expect(row.cells[1]!.align?.vertical ?? row.look?.verticalAlignment).toBe("Top");
    expect(await host.undoFormat()).toBeNull();
  });

  it("refuses when the table changed after the preview, writing nothing", async () => {
    const model = document(1);
    const fake = fakeWordRun(model);
    const host = createWordFormatHost(fake.run, parse);
    const session = formatSession(await host.readFormat(), tt17, "word");
    model.tables[0]!.rows.push(plain("", "Tiêu chí 1.9", "", "", "", "", "", "", ""));
    const looks = JSON.stringify(model.paragraphLooks);
    expect(await host.applyFormat(session.plan)).toEqual({ ok: false, reason: "changed" });
    expect(JSON.stringify(model.paragraphLooks)).toBe(looks);
  });
});

describe("page margins where Word has the API (WordApiDesktop 1.3)", () => {
  it("reads them, sets the ones outside the decree's range, and undo puts them back, with no extra sync", async () => {
    const model = document(0);
    model.margins = { top: 80, bottom: 56.7, left: 72, right: 45 }; // 28.2 / 20 / 25.4 / 15.9 mm
    const fake = fakeWordRun(model);
    const host = createWordFormatHost(fake.run, parse, { pageSetupApi: true });
    const snapshot = await host.readFormat();
    expect(snapshot.marginsMm).toEqual({ top: 28.2, bottom: 20, left: 25.4, right: 15.9 });
    const session = formatSession(snapshot, tt17, "word");
    expect(session.changes.find((c) => c.id === "margins")?.label).toMatch(/^Lề trang: trên 20 mm/);
    expect(session.manual.some((c) => c.id === "margins")).toBe(false);
    const before = fake.syncs();
    await host.applyFormat(session.plan);
    expect(fake.syncs() - before).toBe(3);
    // Top 28.2 mm is outside 20–25: set to 20 mm; left 25.4 mm outside 30–35: 30 mm; bottom and right were inside.
    expect(model.margins).toEqual({ top: 56.7, bottom: 56.7, left: 85, right: 45 });
    await host.undoFormat();
    expect(model.margins).toEqual({ top: 80, bottom: 56.7, left: 72, right: 45 });
  });
});
