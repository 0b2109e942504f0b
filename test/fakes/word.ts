/** A recording fake of the part of the Word API KHCT uses. */
import type { OfficeClient } from "../../src/hosts/clients";
import { gate } from "./gates";
import {
  fakeEvent,
  FakeCollection,
  FakeContext,
  FakeObject,
  keyedCollection,
  officeError,
  raisingChanges,
  type ChangeHandler,
} from "./recording";

export interface WordCellModel {
  text: string;
  span?: number;
  vMerge?: "restart" | "continue";
  /** The cell's own alignment, when it differs from its row's look. */
  align?: { horizontal?: string; vertical?: string };
  /** Word-shaped markup (see bodyOoxml): the cell inside a content control. */
  sdt?: boolean;
  /** A bookmark and proofing marks among the cell's runs, as Word leaves them. */
  marks?: boolean;
  /** A tracked change: the text inserted (w:ins) after this deleted text (w:del, w:delText). */
  deleted?: string;
}

/**
 * Word.Alignment / Word.VerticalAlignment: a row whose cells differ reads "Mixed" (TableRow.
 * horizontalAlignment "specifies the horizontal alignment of every cell in the row";
 * learn.microsoft.com/javascript/api/word/word.alignment lists "Mixed" and "Unknown"), and neither
 * value can be written: Word refuses the request with InvalidArgument.
 */
const UNWRITABLE = new Set(["Mixed", "Unknown"]);
const refuse = (value: string) =>
  officeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format (${value}).`
  );

export interface WordLook {
  name: string;
  size: number;
  bold?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface WordTableModel {
  /** `sdt`: the row inside a row-level content control (w:tbl > w:sdt > w:sdtContent > w:tr). */
  rows: { cells: WordCellModel[]; header?: boolean; look?: WordLook; sdt?: boolean }[];
  /** Borders by location ("Top", "InsideHorizontal", …). */
  borders?: Record<string, { type: string; width: number; color: string }>;
  /** Column widths in points, by grid column. */
  widths?: number[];
}

const DEFAULT_LOOK: WordLook = {
  name: "Calibri",
  size: 11,
  bold: false,
  horizontalAlignment: "Left",
  verticalAlignment: "Top",
};

/** A range comments can be inserted on (WordApi 1.4). */
function commentTarget(context: FakeContext, model: WordModel, where: string) {
  return {
    insertComment(content: string) {
      gate(context, model.client, "Word.Range.insertComment");
      context.enqueue(() => (model.comments ??= []).push({ where, content }));
    },
  };
}

/** A font object whose reads need load+sync and whose writes reach the model at sync. */
function fontOf(
  context: FakeContext,
  read: (property: string) => unknown,
  write: (property: "name" | "size" | "bold", value: unknown) => void
) {
  return {
    get name(): string {
      return read("font/name") as string;
    },
    set name(value: string) {
      context.enqueue(() => write("name", value));
    },
    get size(): number {
      return read("font/size") as number;
    },
    set size(value: number) {
      context.enqueue(() => write("size", value));
    },
    get bold(): boolean {
      return read("font/bold") as boolean;
    },
    set bold(value: boolean) {
      context.enqueue(() => write("bold", value));
    },
  };
}

export interface WordModel {
  paragraphs: string[];
  /** The look of each paragraph (Calibri 11 when absent). */
  paragraphLooks?: WordLook[];
  /** Top-level tables, after the paragraphs in the body's OOXML. */
  tables: WordTableModel[];
  customProperties: Map<string, string>;
  /** What the add-in last selected: a body paragraph (index among all paragraphs) or a table cell. */
  selectedParagraph?: number;
  selectedCell?: { table: number; row: number; cell: number };
  /** The selection: a paragraph and a character span in it. */
  selection: { paragraph: number; start: number; end: number };
  /** Page margins of the (single) section, in points (Word's default 1 inch when absent). */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Comments the add-in inserted: where ("p3", "t0:2:1") and the text. */
  comments?: { where: string; content: string }[];
  /** Paragraph added/changed/deleted handlers the add-in registered. */
  handlers?: Set<ChangeHandler>;
  /**
   * Text boxes anchored in a body paragraph: their paragraphs (and a table) are in that paragraph's
   * OOXML — twice, in mc:Choice (wps:txbx) and in the VML mc:Fallback — but not in body.paragraphs
   * or body.tables.
   */
  textBoxes?: { anchor: number; paragraphs: string[]; table?: string[][] }[];
  /** The package carries a glossary part (building blocks) with its own paragraphs and table. */
  glossary?: boolean;
  /**
   * The Office client the fake behaves as (src/hosts/clients.ts); absent: the newest. A call of a
   * set the client lacks fails its sync with ApiNotFound (test/fakes/gates.ts).
   */
  client?: OfficeClient;
  /** Raise a Local change event after each sync that changed the document (recording.ts, raisingChanges). */
  raiseEvents?: boolean;
}

export function wordModel(paragraphs: string[] = []): WordModel {
  return {
    paragraphs,
    tables: [],
    customProperties: new Map(),
    selection: { paragraph: 0, start: 0, end: 0 },
  };
}

class FakeParagraph extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly model: WordModel,
    private readonly index: number
  ) {
    super(context);
  }
  private look(): WordLook {
    const looks = (this.model.paragraphLooks ??= []);
    return (looks[this.index] ??= { ...DEFAULT_LOOK });
  }
  protected current(property: string): unknown {
    if (property === "text") return this.model.paragraphs[this.index];
    if (property === "tableNestingLevel") return 0;
    if (property === "font/name") return this.look().name;
    if (property === "font/size") return this.look().size;
    if (property === "font/bold") return this.look().bold ?? false;
    throw new Error(`fake: Paragraph.${property} not modelled`);
  }
  get text(): string {
    return this.read("text");
  }
  get tableNestingLevel(): number {
    return this.read("tableNestingLevel");
  }
  get font() {
    return fontOf(
      this.context,
      (p) => this.read(p),
      (k, v) => ((this.look() as unknown as Record<string, unknown>)[k] = v)
    );
  }
  select(): void {
    this.context.enqueue(() => (this.model.selectedParagraph = this.index));
  }
  getRange() {
    return commentTarget(this.context, this.model, `p${this.index}`);
  }
}

class FakeRange {
  /** Inserts a table after the range (the fake appends it to the body's tables). */
  insertTable(
    rowCount: number,
    columnCount: number,
    location: "After" | "Before",
    values: string[][]
  ) {
    const model = this.model;
    const table: WordTableModel = { rows: [] };
    this.context.enqueue(() => {
      if (values.length !== rowCount || values.some((row) => row.length !== columnCount))
        throw new Error("InvalidArgument: values do not fit the table");
      if (location !== "After" && location !== "Before")
        throw new Error("InvalidArgument: location");
      table.rows = values.map((row) => ({ cells: row.map((text) => ({ text })) }));
      model.tables.push(table);
    });
    const context = this.context;
    return {
      set headerRowCount(n: number) {
        context.enqueue(() => table.rows.forEach((row, i) => (row.header = i < n)));
      },
    };
  }

  constructor(
    private readonly context: FakeContext,
    private readonly model: WordModel,
    private readonly span: { paragraph: number; start: number; end: number }
  ) {}
  insertText(text: string, location: "End" | "Start" | "Replace"): FakeRange {
    const span = { ...this.span };
    this.context.enqueue(() => {
      const paragraph = this.model.paragraphs[span.paragraph] ?? "";
      const at = location === "Start" ? span.start : span.end;
      const cutEnd = location === "Replace" ? span.end : at;
      const from = location === "Replace" ? span.start : at;
      this.model.paragraphs[span.paragraph] =
        paragraph.slice(0, from) + text + paragraph.slice(cutEnd);
      span.start = from;
      span.end = from + text.length;
    });
    return new FakeRange(this.context, this.model, span);
  }
  select(mode: "End" | "Start" | "Select" = "Select"): void {
    const span = this.span;
    this.context.enqueue(() => {
      const at = mode === "Start" ? span.start : span.end;
      this.model.selection =
        mode === "Select" ? { ...span } : { paragraph: span.paragraph, start: at, end: at };
    });
  }
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const runsXml = (text: string) =>
  text
    .split("\n")
    .map(
      (line, i) =>
        `${i ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r>`
    )
    .join("");
const paragraphXml = (text: string, extra = "") => `<w:p>${runsXml(text)}${extra}</w:p>`;

/** A content control around `inner` (ECMA-376 Part 1, 17.5.2: w:sdt, w:sdtPr, w:sdtContent). */
let sdtId = 1;
const sdt = (inner: string) =>
  `<w:sdt><w:sdtPr><w:id w:val="${sdtId++}"/><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;

/** A cell's paragraphs the way Word writes them when asked to (marks, tracked changes). */
function cellParagraphs(cell: WordCellModel): string {
  const paragraphs = cell.text.split("\n\n");
  return (
    paragraphs
      .map((text, i) => {
        let runs = runsXml(text);
        if (i === 0 && cell.deleted !== undefined)
          runs = `<w:del w:id="90" w:author="Cô Hoa" w:date="2026-11-30T08:00:00Z"><w:r><w:delText xml:space="preserve">${escape(cell.deleted)}</w:delText></w:r></w:del><w:ins w:id="91" w:author="Cô Hoa" w:date="2026-11-30T08:00:00Z">${runs}</w:ins>`;
        if (i === 0 && cell.marks)
          runs = `<w:bookmarkStart w:id="7" w:name="_GoBack"/><w:proofErr w:type="spellStart"/>${runs}<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="7"/>`;
        return `<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:jc w:val="left"/></w:pPr>${runs}</w:p>`;
      })
      .join("") || "<w:p/>"
  );
}

/** A text box as Word 2010+ writes it: DrawingML in mc:Choice, a VML copy in mc:Fallback. */
function textBoxXml(box: { paragraphs: string[]; table?: string[][] }): string {
  const content = `<w:txbxContent>${box.paragraphs.map((t) => paragraphXml(t)).join("")}${
    box.table
      ? `<w:tbl>${box.table.map((row) => `<w:tr>${row.map((t) => `<w:tc>${paragraphXml(t)}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl><w:p/>`
      : ""
  }</w:txbxContent>`;
  return `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
}

/** The body as Word's getOoxml() gives it: a flat OPC package around word/document.xml. */
/** Word's own names of border locations and types, as WordprocessingML writes them. */
const BORDER_SIDE: Readonly<Record<string, string>> = {
  Top: "top",
  Left: "left",
  Bottom: "bottom",
  Right: "right",
  InsideHorizontal: "insideH",
  InsideVertical: "insideV",
};

/**
 * w:tblPr borders and w:tblGrid as Word's getOoxml() writes them: the borders the table has, the
 * width of every grid column (twentieths of a point). (Word always writes a tblGrid; cells report
 * the widths of their grid columns — https://learn.microsoft.com/javascript/api/word/word.tablecell#word-word-tablecell-columnwidth-member)
 */
function tablePropertiesXml(table: WordTableModel): string {
  const borders = Object.entries(table.borders ?? {})
    .filter(([location]) => BORDER_SIDE[location])
    .map(
      ([location, b]) =>
        `<w:${BORDER_SIDE[location]} w:val="${b.type === "None" ? "nil" : b.type.toLowerCase()}" w:sz="${Math.round(b.width * 8)}" w:color="${b.color.replace("#", "")}"/>`
    )
    .join("");
  const columns = Math.max(
    0,
    ...table.rows.map((r) => r.cells.reduce((n, c) => n + (c.span ?? 1), 0))
  );
  const grid = Array.from(
    { length: columns },
    (_, c) => `<w:gridCol w:w="${Math.round((table.widths?.[c] ?? 60) * 20)}"/>`
  ).join("");
  return `<w:tblPr>${borders ? `<w:tblBorders>${borders}</w:tblBorders>` : ""}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>`;
}

export function bodyOoxml(model: WordModel): string {
  const tables = model.tables
    .map(
      (table) =>
        `<w:tbl>${tablePropertiesXml(table)}${table.rows
          .map((row) =>
            (row.sdt ? sdt : (x: string) => x)(
              `<w:tr>${row.header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${row.cells
                .map((cell) => {
                  const pr = `${cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : ""}${cell.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : cell.vMerge === "continue" ? "<w:vMerge/>" : ""}`;
                  const tc = `<w:tc><w:tcPr>${pr}</w:tcPr>${cellParagraphs(cell)}</w:tc>`;
                  return cell.sdt ? sdt(tc) : tc;
                })
                .join("")}</w:tr>`
            )
          )
          .join("")}</w:tbl>`
    )
    .join("");
  const paragraphs = model.paragraphs
    .map((text, i) =>
      paragraphXml(
        text,
        (model.textBoxes ?? [])
          .filter((b) => b.anchor === i)
          .map(textBoxXml)
          .join("")
      )
    )
    .join("");
  const ns = [
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
    'xmlns:v="urn:schemas-microsoft-com:vml"',
  ].join(" ");
  // Building blocks live in their own part (ECMA-376 Part 1, 17.12 glossary document).
  const glossary = model.glossary
    ? `<pkg:part pkg:name="/word/glossary/document.xml"><pkg:xmlData><w:glossaryDocument ${ns}><w:docParts><w:docPart><w:docPartBody>${paragraphXml("Nhấn vào đây để nhập văn bản.")}<w:tbl><w:tr><w:tc>${paragraphXml("TT")}</w:tc><w:tc>${paragraphXml("Tiêu chí")}</w:tc></w:tr></w:tbl></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument></pkg:xmlData></pkg:part>`
    : "";
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document ${ns}><w:body>${paragraphs}${tables}<w:sectPr/></w:body></w:document></pkg:xmlData></pkg:part>${glossary}</pkg:package>`;
}

/** A section with its page setup (WordApiDesktop 1.3). */
class FakeSection extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly model: WordModel
  ) {
    super(context);
  }
  private margins() {
    return (this.model.margins ??= { top: 72, bottom: 72, left: 72, right: 72 });
  }
  protected current(property: string): unknown {
    const m = /^pageSetup\/(top|bottom|left|right)Margin$/.exec(property);
    if (m) return this.margins()[m[1] as "top"];
    throw new Error(`fake: Section.${property} not modelled`);
  }
  get pageSetup(): Record<"topMargin" | "bottomMargin" | "leftMargin" | "rightMargin", number> {
    gate(this.context, this.model.client, "Word.Section.pageSetup");
    const setup = {} as Record<"topMargin" | "bottomMargin" | "leftMargin" | "rightMargin", number>;
    for (const name of ["top", "bottom", "left", "right"] as const)
      Object.defineProperty(setup, `${name}Margin`, {
        get: () => this.read<number>(`pageSetup/${name}Margin`),
        set: (value: number) => {
          this.context.enqueue(() => (this.margins()[name] = value));
        },
      });
    return setup;
  }
}

class FakeTableRow extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly table: WordTableModel,
    private readonly index: number
  ) {
    super(context);
  }
  private look(): WordLook {
    const row = this.table.rows[this.index];
    if (!row) throw new Error("ItemNotFound");
    return (row.look ??= { ...DEFAULT_LOOK });
  }
  protected current(property: string): unknown {
    if (property === "cellCount") return this.table.rows[this.index]?.cells.length;
    if (property === "font/name") return this.look().name;
    if (property === "font/size") return this.look().size;
    if (property === "font/bold") return this.look().bold ?? false;
    if (property === "horizontalAlignment" || property === "verticalAlignment") {
      const key = property === "horizontalAlignment" ? "horizontal" : "vertical";
      const own = this.look()[property] ?? (key === "horizontal" ? "Left" : "Top");
      const cells = this.table.rows[this.index]?.cells ?? [];
      return cells.some((c) => c.align?.[key] !== undefined && c.align[key] !== own)
        ? "Mixed"
        : own;
    }
    throw new Error(`fake: TableRow.${property} not modelled`);
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get font() {
    return fontOf(
      this.context,
      (p) => this.read(p),
      (k, v) => ((this.look() as unknown as Record<string, unknown>)[k] = v)
    );
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.context.enqueue(() => this.align("horizontal", value));
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.context.enqueue(() => this.align("vertical", value));
  }
  /** Setting a row's alignment sets every cell's. */
  private align(key: "horizontal" | "vertical", value: string): void {
    if (UNWRITABLE.has(value)) throw refuse(value);
    this.look()[key === "horizontal" ? "horizontalAlignment" : "verticalAlignment"] = value;
    for (const cell of this.table.rows[this.index]?.cells ?? [])
      if (cell.align) delete cell.align[key];
  }
  /**
   * Removes the row (WordApi 1.3). A row object stands for its row, not its position: several
   * rows deleted in one batch each remove their own row.
   */
  delete(): void {
    const row = this.table.rows[this.index];
    this.context.enqueue(() => {
      const at = row ? this.table.rows.indexOf(row) : -1;
      if (at < 0) throw new Error("ItemNotFound");
      this.table.rows.splice(at, 1);
    });
  }
  /** New rows copy the reference row's cells (widths, spans); vertical merges are not copied in this fake. */
  insertRows(where: "Before" | "After", count: number, values: string[][]): void {
    this.context.enqueue(() => {
      const reference = this.table.rows[this.index];
      if (!reference) throw new Error("ItemNotFound");
      if (values.length !== count || values.some((row) => row.length !== reference.cells.length))
        throw new Error("InvalidArgument: values do not fit the row");
      const rows = values.map((row) => ({
        cells: reference.cells.map((cell, i) => ({
          text: row[i] ?? "",
          ...(cell.span ? { span: cell.span } : {}),
        })),
      }));
      this.table.rows.splice(where === "Before" ? this.index : this.index + 1, 0, ...rows);
    });
  }
}

class FakeTable extends FakeObject {
  readonly rows: FakeCollection<FakeTableRow>;
  private rowsFilledAt = -1;
  constructor(
    context: FakeContext,
    private readonly table: WordTableModel,
    private readonly model: WordModel,
    private readonly tableNumber: number
  ) {
    super(context);
    this.rows = new FakeCollection(context, () =>
      table.rows.map((_, i) => new FakeTableRow(context, table, i))
    );
  }
  override markLoaded(property: string): void {
    if (property.startsWith("rows/")) {
      // A nested load path: the rows collection is filled at this same sync (once per sync, so
      // several row properties loaded together land on the same row objects).
      if (this.rowsFilledAt !== this.context.syncCount) {
        this.rows.fill();
        this.rowsFilledAt = this.context.syncCount;
      }
      const rest = property.slice("rows/items/".length);
      if (rest) for (const row of this.rows.items) row.markLoaded(rest);
      return;
    }
    super.markLoaded(property);
  }
  protected current(property: string): unknown {
    if (property === "nestingLevel") return 1;
    if (property === "rowCount") return this.table.rows.length;
    if (property === "headerRowCount") {
      const n = this.table.rows.findIndex((row) => !row.header);
      return n < 0 ? this.table.rows.length : n;
    }
    if (property === "font/name" || property === "font/size") {
      // Word reports a mixed value as empty (name) or null (size).
      const key = property === "font/name" ? "name" : "size";
      const values = new Set(this.table.rows.map((row) => (row.look ?? DEFAULT_LOOK)[key]));
      return values.size === 1 ? [...values][0] : key === "name" ? "" : null;
    }
    if (property === "values")
      return this.table.rows.map((row) => row.cells.map((cell) => cell.text.replace(/\n/g, "\r")));
    throw new Error(`fake: Table.${property} not modelled`);
  }
  get nestingLevel(): number {
    return this.read("nestingLevel");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get values(): string[][] {
    return this.read("values");
  }
  get headerRowCount(): number {
    return this.read("headerRowCount");
  }
  set headerRowCount(n: number) {
    this.context.enqueue(() => this.table.rows.forEach((row, i) => (row.header = i < n)));
  }
  get font() {
    return fontOf(
      this.context,
      (p) => this.read(p),
      (k, v) =>
        this.table.rows.forEach(
          (row) =>
            (((row.look ??= { ...DEFAULT_LOOK }) as unknown as Record<string, unknown>)[k] = v)
        )
    );
  }
  /**
   * New columns at the end of every row. Table.addColumns "is applicable to uniform tables"
   * (learn.microsoft.com/javascript/api/word/word.table#word-word-table-addcolumns-member) and fails
   * on a table with merged cells (office-js#3425): a row with a span or a vertical merge fails it.
   */
  addColumns(where: "End" | "Start", count: number, values: string[][]): void {
    this.context.enqueue(() => {
      if (where !== "End") throw new Error("fake: only End is modelled");
      if (this.table.rows.some((row) => row.cells.some((c) => (c.span ?? 1) > 1 || c.vMerge)))
        throw officeError("GeneralException", "GeneralException");
      if (values.length !== this.table.rows.length || values.some((v) => v.length !== count))
        throw new Error("InvalidArgument: values do not fit the table");
      this.table.rows.forEach((row, r) =>
        row.cells.push(...(values[r] ?? []).map((text) => ({ text })))
      );
    });
  }
  getBorder(location: string) {
    const context = this.context;
    const table = this.table;
    const border = () =>
      ((table.borders ??= {})[location] ??= { type: "None", width: 0, color: "#000000" });
    let loaded: { type: string; width: number; color: string } | null = null;
    const need = () => {
      if (!loaded) throw new Error(`PropertyNotLoaded: border ${location}`);
      return loaded;
    };
    return {
      load(spec: string) {
        void spec;
        context.enqueue(() => (loaded = { ...border() }));
        return this;
      },
      get type() {
        return need().type;
      },
      set type(value: string) {
        context.enqueue(() => (border().type = value));
      },
      get width() {
        return need().width;
      },
      set width(value: number) {
        context.enqueue(() => (border().width = value));
      },
      get color() {
        return need().color;
      },
      set color(value: string) {
        context.enqueue(() => (border().color = value));
      },
    };
  }
  getCell(row: number, cell: number) {
    const context = this.context;
    const table = this.table;
    const model = this.model;
    const tableNumber = this.tableNumber;
    // A cell's width is its grid columns' width (the fake keeps widths per grid column).
    const gridColumn = () => {
      const cells = table.rows[row]?.cells ?? [];
      let col = 0;
      for (let i = 0; i < cell; i++) col += cells[i]?.span ?? 1;
      return col;
    };
    let width: number | null = null;
    let alignment: { horizontal: string; vertical: string } | null = null;
    const look = () => table.rows[row]?.look ?? DEFAULT_LOOK;
    const setAlign = (key: "horizontal" | "vertical", value: string) =>
      context.enqueue(() => {
        if (UNWRITABLE.has(value)) throw refuse(value);
        const target = table.rows[row]?.cells[cell];
        // office-js#3200: the table API throws on a vertically merged cell.
        if (!target || target.vMerge === "continue")
          throw officeError("ItemNotFound", "getCell on a merged or missing cell");
        (target.align ??= {})[key] = value;
      });
    return {
      load(spec: string) {
        context.enqueue(() => {
          width = table.widths?.[gridColumn()] ?? 60;
          if (!/Alignment/.test(spec)) return;
          const target = table.rows[row]?.cells[cell];
          if (!target || target.vMerge === "continue")
            throw officeError("ItemNotFound", "getCell on a merged or missing cell");
          alignment = {
            horizontal: target.align?.horizontal ?? look().horizontalAlignment ?? "Left",
            vertical: target.align?.vertical ?? look().verticalAlignment ?? "Top",
          };
        });
        return this;
      },
      get horizontalAlignment(): string {
        if (alignment === null) throw new Error("PropertyNotLoaded: horizontalAlignment");
        return alignment.horizontal;
      },
      set horizontalAlignment(value: string) {
        setAlign("horizontal", value);
      },
      get verticalAlignment(): string {
        if (alignment === null) throw new Error("PropertyNotLoaded: verticalAlignment");
        return alignment.vertical;
      },
      set verticalAlignment(value: string) {
        setAlign("vertical", value);
      },
      get columnWidth(): number {
        if (width === null) throw new Error("PropertyNotLoaded: columnWidth");
        return width;
      },
      set columnWidth(value: number) {
        context.enqueue(() => {
          if (!table.rows[row]?.cells[cell]) throw new Error("ItemNotFound");
          (table.widths ??= [])[gridColumn()] = value;
        });
      },
      body: {
        select() {
          context.enqueue(() => (model.selectedCell = { table: tableNumber, row, cell }));
        },
        getRange() {
          return commentTarget(context, model, `t${tableNumber}:${row}:${cell}`);
        },
      },
      set value(text: string) {
        context.enqueue(() => {
          const target = table.rows[row]?.cells[cell];
          // office-js#3200: the table API throws on a vertically merged cell.
          if (!target || target.vMerge)
            throw new Error("ItemNotFound: getCell on a merged or missing cell");
          target.text = text;
        });
      },
    };
  }
}

export function fakeWordContext(model: WordModel) {
  const context = new FakeContext();
  const api = {
    sync: () => context.sync(),
    document: {
      body: {
        getOoxml: () => {
          let value: string | null = null;
          context.enqueue(() => (value = bodyOoxml(model)));
          return {
            get value(): string {
              if (value === null)
                throw new Error("PropertyNotLoaded: getOoxml() result read before sync");
              return value;
            },
          };
        },
        get tables() {
          return new FakeCollection(context, () =>
            model.tables.map((t, i) => new FakeTable(context, t, model, i))
          );
        },
        get paragraphs() {
          return new FakeCollection(context, () =>
            model.paragraphs.map((_, i) => new FakeParagraph(context, model, i))
          );
        },
        getComments() {
          gate(context, model.client, "Word.Body.getComments");
          let items: { content: string }[] | null = null;
          return {
            load() {
              context.enqueue(
                () => (items = (model.comments ?? []).map((c) => ({ content: c.content })))
              );
            },
            get items() {
              if (!items) throw new Error("PropertyNotLoaded: comments");
              return items;
            },
          };
        },
      },
      properties: {
        customProperties: keyedCollection(context, model.customProperties),
      },
      getSelection: () => new FakeRange(context, model, model.selection),
      get sections() {
        return new FakeCollection(context, () => [new FakeSection(context, model)]);
      },
      get onParagraphAdded() {
        gate(context, model.client, "Word.Document.onParagraphAdded");
        return fakeEvent(context, (model.handlers ??= new Set()));
      },
      get onParagraphChanged() {
        gate(context, model.client, "Word.Document.onParagraphChanged");
        return fakeEvent(context, (model.handlers ??= new Set()));
      },
      get onParagraphDeleted() {
        gate(context, model.client, "Word.Document.onParagraphDeleted");
        return fakeEvent(context, (model.handlers ??= new Set()));
      },
    },
  };
  return { context, api };
}

/** A Word.run that runs the batch against the model and records the context. */
export function fakeWordRun(model: WordModel) {
  const contexts: FakeContext[] = [];
  const run = async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
    const { context, api } = fakeWordContext(model);
    contexts.push(context);
    if (model.raiseEvents)
      raisingChanges(
        context,
        () => JSON.stringify([model.paragraphs, model.tables]),
        () => model.handlers
      );
    return batch(api as unknown as Word.RequestContext);
  };
  return { run, contexts, syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0) };
}
