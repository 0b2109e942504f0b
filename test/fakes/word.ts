/** A recording fake of the part of the Word API KHCT uses. */
import { FakeCollection, FakeContext, FakeObject, keyedCollection } from "./recording";

export interface WordCellModel {
  text: string;
  span?: number;
  vMerge?: "restart" | "continue";
}

export interface WordTableModel {
  rows: { cells: WordCellModel[]; header?: boolean }[];
}

export interface WordModel {
  paragraphs: string[];
  /** Top-level tables, after the paragraphs in the body's OOXML. */
  tables: WordTableModel[];
  customProperties: Map<string, string>;
  /** What the add-in last selected: a body paragraph (index among all paragraphs) or a table cell. */
  selectedParagraph?: number;
  selectedCell?: { table: number; row: number; cell: number };
  /** The selection: a paragraph and a character span in it. */
  selection: { paragraph: number; start: number; end: number };
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
  protected current(property: string): unknown {
    if (property === "text") return this.model.paragraphs[this.index];
    throw new Error(`fake: Paragraph.${property} not modelled`);
  }
  get text(): string {
    return this.read("text");
  }
  select(): void {
    this.context.enqueue(() => (this.model.selectedParagraph = this.index));
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
const paragraphXml = (text: string) =>
  `<w:p>${text
    .split("\n")
    .map(
      (line, i) =>
        `${i ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r>`
    )
    .join("")}</w:p>`;

/** The body as Word's getOoxml() gives it: a flat OPC package around word/document.xml. */
export function bodyOoxml(model: WordModel): string {
  const tables = model.tables
    .map(
      (table) =>
        `<w:tbl>${table.rows
          .map(
            (row) =>
              `<w:tr>${row.header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${row.cells
                .map((cell) => {
                  const pr = `${cell.span && cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : ""}${cell.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : cell.vMerge === "continue" ? "<w:vMerge/>" : ""}`;
                  return `<w:tc><w:tcPr>${pr}</w:tcPr>${cell.text.split("\n\n").map(paragraphXml).join("") || "<w:p/>"}</w:tc>`;
                })
                .join("")}</w:tr>`
          )
          .join("")}</w:tbl>`
    )
    .join("");
  return `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${model.paragraphs.map(paragraphXml).join("")}${tables}</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
}

class FakeTableRow extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly table: WordTableModel,
    private readonly index: number
  ) {
    super(context);
  }
  protected current(property: string): unknown {
    if (property === "cellCount") return this.table.rows[this.index]?.cells.length;
    throw new Error(`fake: TableRow.${property} not modelled`);
  }
  get cellCount(): number {
    return this.read("cellCount");
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
      // A nested load path: the rows collection is filled at this same sync.
      this.rows.fill();
      const rest = property.slice("rows/items/".length);
      if (rest) for (const row of this.rows.items) row.markLoaded(rest);
      return;
    }
    super.markLoaded(property);
  }
  protected current(property: string): unknown {
    if (property === "nestingLevel") return 1;
    if (property === "rowCount") return this.table.rows.length;
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
  getCell(row: number, cell: number) {
    const context = this.context;
    const table = this.table;
    const model = this.model;
    const tableNumber = this.tableNumber;
    return {
      body: {
        select() {
          context.enqueue(() => (model.selectedCell = { table: tableNumber, row, cell }));
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
      },
      properties: {
        customProperties: keyedCollection(context, model.customProperties),
      },
      getSelection: () => new FakeRange(context, model, model.selection),
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
    return batch(api as unknown as Word.RequestContext);
  };
  return { run, contexts, syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0) };
}
