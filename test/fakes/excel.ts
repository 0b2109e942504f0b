/** A recording fake of the part of the Excel API KHCT uses. Cells are addressed "A1". */
import { FakeCollection, FakeContext, FakeKeyedItem, FakeObject } from "./recording";

export type CellValue = string | number | boolean;

export interface ExcelSheetModel {
  name: string;
  /** "A1" -> value; a formula is stored as text starting with "=". */
  cells: Map<string, CellValue>;
}

export interface ExcelModel {
  sheets: ExcelSheetModel[];
  settings: Map<string, unknown>;
  active: { sheet: number; cell: string };
}

export function excelModel(
  sheets: Record<string, Record<string, CellValue>> = { Sheet1: {} }
): ExcelModel {
  return {
    sheets: Object.entries(sheets).map(([name, cells]) => ({
      name,
      cells: new Map(Object.entries(cells)),
    })),
    settings: new Map(),
    active: { sheet: 0, cell: "A1" },
  };
}

export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0) - 1;
}
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
function parseAddress(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const [a, b] = address.split(":");
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(s);
    if (!m || !m[1] || !m[2]) throw new Error(`fake: bad address ${s}`);
    return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  };
  const start = cell(a ?? "");
  const end = b ? cell(b) : start;
  return { r0: start.r, c0: start.c, r1: end.r, c1: end.c };
}

class FakeRange extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: ExcelSheetModel,
    private readonly at: string
  ) {
    super(context);
  }
  private grid(formulas: boolean): CellValue[][] {
    const { r0, c0, r1, c1 } = parseAddress(this.at);
    const rows: CellValue[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: CellValue[] = [];
      for (let c = c0; c <= c1; c++) {
        const value = this.sheet.cells.get(`${columnLetters(c)}${r + 1}`) ?? "";
        // A formula's value is what it computes; the fake computes nothing and shows 0.
        row.push(!formulas && typeof value === "string" && value.startsWith("=") ? 0 : value);
      }
      rows.push(row);
    }
    return rows;
  }
  protected current(property: string): unknown {
    if (property === "values") return this.grid(false);
    if (property === "formulas") return this.grid(true);
    if (property === "address") return `${this.sheet.name}!${this.at}`;
    throw new Error(`fake: Range.${property} not modelled`);
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(values: CellValue[][]) {
    const { r0, c0 } = parseAddress(this.at);
    this.context.enqueue(() =>
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          // Like typing: a leading apostrophe keeps the rest as text and is not shown.
          const stored =
            typeof value === "string" && value.startsWith("'") ? value.slice(1) : value;
          this.sheet.cells.set(`${columnLetters(c0 + c)}${r0 + r + 1}`, stored);
        })
      )
    );
  }
  get formulas(): CellValue[][] {
    return this.read("formulas");
  }
  get address(): string {
    return this.read("address");
  }
}

class FakeWorksheet extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly sheet: ExcelSheetModel
  ) {
    super(context);
  }
  protected current(property: string): unknown {
    if (property === "name") return this.sheet.name;
    throw new Error(`fake: Worksheet.${property} not modelled`);
  }
  get name(): string {
    return this.read("name");
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this.sheet, address);
  }
}

export function fakeExcelContext(model: ExcelModel) {
  const context = new FakeContext();
  const activeSheet = () => model.sheets[model.active.sheet] as ExcelSheetModel;
  const api = {
    sync: () => context.sync(),
    workbook: {
      get worksheets() {
        return new FakeCollection(context, () =>
          model.sheets.map((s) => new FakeWorksheet(context, s))
        );
      },
      settings: {
        getItemOrNullObject: (key: string) => new FakeKeyedItem(context, model.settings, key),
        add: (key: string, value: unknown) => context.enqueue(() => model.settings.set(key, value)),
      },
      getActiveCell: () => new FakeRange(context, activeSheet(), model.active.cell),
    },
  };
  return { context, api };
}

export function fakeExcelRun(model: ExcelModel) {
  const contexts: FakeContext[] = [];
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const { context, api } = fakeExcelContext(model);
    contexts.push(context);
    return batch(api as unknown as Excel.RequestContext);
  };
  return { run, contexts, syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0) };
}
