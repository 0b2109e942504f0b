import { DOMParser } from "@xmldom/xmldom";
import { readTables } from "../../../src/hosts/ooxml/tables";
import { recognizeHeader } from "../../../src/core/plan/header";
import { readPlanTable } from "../../../src/core/plan/rows";
import { buildGrid } from "../../../src/core/plan/table";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, pr = "") =>
  `<w:tc><w:tcPr>${pr}</w:tcPr>${text.split("\n").map(p).join("")}</w:tc>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;
const restart = '<w:vMerge w:val="restart"/>';
const cont = "<w:vMerge/>";

// A progress-tracking table as Word writes it: header repeated, the standard cell merged down.
const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<w:document ${W}><w:body>
${p("KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG")}
<w:tbl>
  <w:tr><w:trPr><w:tblHeader/></w:trPr>${["Tiêu\nchuẩn", "Tiêu\nchí", "TT", "Nội dung kế hoạch", "Thời gian\ndự kiến", "Người chịu\ntrách nhiệm", "Tiến độ\nthực hiện", "Kết quả", "Ghi chú"].map((t) => tc(t)).join("")}</w:tr>
  <w:tr>${tc("1", restart)}${tc("1.1")}${tc("1")}${tc("Xây dựng phương hướng")}${tc("Tháng 9")}${tc("Hiệu trưởng")}${tc("")}${tc("")}${tc("")}</w:tr>
  <w:tr>${tc("", cont)}${tc("1.2")}${tc("2")}${tc("Hội đồng trường")}${tc("Tháng 10")}${tc("Phó hiệu trưởng")}${tc("")}${tc("")}${tc("")}</w:tr>
  <w:tr>${tc("Ghi chú chung của tổ", span(9))}</w:tr>
</w:tbl>
<w:tbl><w:tr>${tc("Bảng khác")}</w:tr></w:tbl>
</w:body></w:document>`;

describe("OOXML tables", () => {
  const doc = new DOMParser().parseFromString(DOC, "text/xml");
  const [table, other] = readTables(doc as unknown as Document);

  it("reads every top-level table with texts, line breaks and the repeated header rows", () => {
    expect(other?.rows).toEqual([[{ text: "Bảng khác" }]]);
    expect(table?.headerRows).toBe(1);
    expect(table?.rows[0]?.[0]).toEqual({ text: "Tiêu\nchuẩn" });
  });

  it("turns w:vMerge into a row span and w:gridSpan into a column span", () => {
    expect(table?.rows[1]?.[0]).toEqual({ text: "1", rowSpan: 2 });
    expect(table?.rows[2]?.length).toBe(8); // the continue cell is part of the cell above
    expect(table?.rows[3]?.[0]).toEqual({ text: "Ghi chú chung của tổ", colSpan: 9 });
  });

  it("maps grid columns to the w:tc index Word's table API counts", () => {
    expect(table?.cellIndex[2]?.slice(0, 3)).toEqual([0, 1, 2]); // the continue cell still is a w:tc
    expect(table?.cellIndex[3]).toEqual(Array(9).fill(0));
  });

  it("feeds the same plan model as every other host", () => {
    const grid = buildGrid(table?.rows ?? []);
    const header = recognizeHeader(grid);
    expect(header.ok && header.match.layout.id).toBe("progress");
    if (!header.ok) return;
    const rows = readPlanTable(grid, header.match).rows;
    expect(rows.map((r) => [r.kind, r.ref?.ref.id, r.cells.standard?.text])).toEqual([
      ["criterion", "1.1", "1"],
      ["criterion", "1.2", "1"],
      ["other", undefined, "Ghi chú chung của tổ"],
    ]);
  });

  it("survives malformed markup: a continue cell with nothing above, a nonsense span", () => {
    const bad = new DOMParser().parseFromString(
      `<w:tbl ${W}><w:tr>${tc("a", cont)}${tc("b", '<w:gridSpan w:val="abc"/>')}</w:tr></w:tbl>`,
      "text/xml"
    );
    expect(readTables(bad as unknown as Document)[0]?.rows).toEqual([
      [{ text: "a" }, { text: "b" }],
    ]);
  });
});
