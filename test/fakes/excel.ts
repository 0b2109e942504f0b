/** A recording fake of the part of the Excel API KHCT uses. Cells are addressed "A1". */
import type { OfficeClient } from "../../src/hosts/clients";
import { gate } from "./gates";
import {
  fakeEvent,
  type ChangeHandler,
  FakeCollection,
  FakeContext,
  FakeNullable,
  FakeObject,
  keyedCollection,
  officeError,
  raisingChanges,
} from "./recording";

export type CellValue = string | number | boolean;

export interface ExcelSheetModel {
  name: string;
  /** "A1" -> value; a formula is stored as text starting with "=". */
  cells: Map<string, CellValue>;
}

export interface ExcelModel {
  sheets: ExcelSheetModel[];
  settings: Map<string, unknown>;
  /** Merged areas, "Sheet!A1:C1". */
  merges: string[];
  /** Bold set by the add-in, by area. */
  bold?: Map<string, boolean>;
  /** The last range the add-in selected, "Sheet!A1". */
  selected?: string;
  /** Formatting per cell, "Sheet!A1" -> flat paths ("format/font/name" -> "Arial"). */
  props?: Map<string, Record<string, unknown>>;
  /** Column widths in points, "Sheet!C". */
  columnWidths?: Map<string, number>;
  /** Number formats per cell, "Sheet!A1". */
  numberFormats?: Map<string, string>;
  /** Per sheet: frozen rows, print titles ("$1:$2"), page layout. */
  frozenRows?: Map<string, number>;
  printTitles?: Map<string, string>;
  pageLayout?: Map<string, Record<string, unknown>>;
  /** Data validation rules and conditional formats, by "Sheet!A2:A9". */
  validations?: Map<string, unknown>;
  conditionalFormats?: { address: string; text: string; color: string }[];
  /** Comments, by cell ("Sheet!A1"). */
  comments?: { address: string; content: string }[];
  /** Whether a validation shows an error alert, by "Sheet!A2:A9". */
  validationAlerts?: Map<string, boolean>;
  /** Hidden sheets, by name. */
  hidden?: Set<string>;
  /** Charts the add-in added: sheet, type, source range, title. */
  charts?: { sheet: string; type: string; source: string; title?: string }[];
  /** Worksheet change handlers the add-in registered. */
  handlers?: Set<ChangeHandler>;
  /**
   * The Office client the fake behaves as (src/hosts/clients.ts); absent: the newest. A call of a
   * set the client lacks fails its sync with ApiNotFound (test/fakes/gates.ts).
   */
  client?: OfficeClient;
  /**
   * Raise a Local change event after each sync that changed a sheet, with triggerSource
   * "ThisLocalAddin" where the client has ExcelApi 1.14 (recording.ts, raisingChanges).
   */
  raiseEvents?: boolean;
  /**
   * The user is typing in a cell: Excel refuses every request with InvalidOperationInCellEditMode
   * until they leave the cell (Excel.ErrorCodes.invalidOperationInCellEditMode).
   */
  cellEditMode?: boolean;
  /** Comments.add fails with NotImplemented though the set is reported (a build without the feature). */
  commentsNotImplemented?: boolean;
  /** What formulas compute, by "Sheet!A1" (Range.values); absent: see computed() in the fake. */
  results?: Map<string, CellValue>;
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
    merges: [],
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

export function parseAddress(address: string): { r0: number; c0: number; r1: number; c1: number } {
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

const a1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
const areaAddress = (top: number, left: number, height: number, width: number) =>
  height === 1 && width === 1
    ? a1(top, left)
    : `${a1(top, left)}:${a1(top + height - 1, left + width - 1)}`;

/**
 * What Excel stores when a string is written to Range.values: "a string that looks like a number,
 * date, time, Boolean or formula is parsed as one" (learn.microsoft.com/javascript/api/excel/
 * excel.range#excel-excel-range-values-member: values are set "as if typed"); a leading apostrophe
 * keeps the rest as text and is not shown. Modelled: numbers ("1.10" → 1.1, "007" → 7, "1,5" stays
 * text in an en-US workbook), day/month dates ("15/9/2026", "9/2026" → a date serial), TRUE/FALSE.
 */
export function parsedAsExcelDoes(value: CellValue): CellValue {
  if (typeof value !== "string") return value;
  if (value.startsWith("'")) return value.slice(1);
  const t = value.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return /^true$/i.test(t);
  const date =
    /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?$/.exec(t) ?? /^(\d{1,2})[/-](\d{4})$/.exec(t);
  if (date) {
    // A serial number (days since 1899-12-30), as Excel keeps a date.
    const [d, m, y] =
      date[3] !== undefined
        ? [Number(date[1]), Number(date[2]), Number(date[3])]
        : date[2] && date[2].length === 4
          ? [1, Number(date[1]), Number(date[2])]
          : [Number(date[1]), Number(date[2]), 2026];
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31)
      return Math.round(
        (Date.UTC(y < 100 ? 2000 + y : y, m - 1, d) - Date.UTC(1899, 11, 30)) / 864e5
      );
  }
  return value;
}

/**
 * What a formula computes, for Range.values (Range.formulas keeps the formula): `results` names it
 * ("Sheet!A1" → value); else a string or number literal, or a reference to a cell of the same sheet;
 * anything else computes to 0.
 */
function computed(
  model: ExcelModel | undefined,
  sheet: ExcelSheetModel,
  address: string,
  formula: string
): CellValue {
  const given = model?.results?.get(`${sheet.name}!${address}`);
  if (given !== undefined) return given;
  const body = formula.slice(1).trim();
  const literal = /^"((?:[^"]|"")*)"$/.exec(body);
  if (literal) return (literal[1] ?? "").replace(/""/g, '"');
  if (/^-?\d+(\.\d+)?$/.test(body)) return Number(body);
  if (/^\$?[A-Z]{1,3}\$?\d+$/i.test(body)) {
    const ref = sheet.cells.get(body.replace(/\$/g, "").toUpperCase()) ?? "";
    return typeof ref === "string" && ref.startsWith("=") ? 0 : ref;
  }
  return 0;
}

function gridOf(
  sheet: ExcelSheetModel,
  address: string,
  formulas: boolean,
  model?: ExcelModel
): CellValue[][] {
  const { r0, c0, r1, c1 } = parseAddress(address);
  const rows: CellValue[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: CellValue[] = [];
    for (let c = c0; c <= c1; c++) {
      const value = sheet.cells.get(a1(r, c)) ?? "";
      // A formula's value is what it computes (see computed); its formula is what Range.formulas reads.
      row.push(
        !formulas && typeof value === "string" && value.startsWith("=")
          ? computed(model, sheet, a1(r, c), value)
          : value
      );
    }
    rows.push(row);
  }
  return rows;
}

const cellsOf = (address: string): { r: number; c: number }[] => {
  const { r0, c0, r1, c1 } = parseAddress(address);
  const out: { r: number; c: number }[] = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push({ r, c });
  return out;
};

/** Flat "format/font/name" paths to nested objects and back (getCellProperties' shape). */
function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const parts = path.split("/");
    let at = out;
    parts.slice(0, -1).forEach((p) => (at = (at[p] ??= {}) as Record<string, unknown>));
    at[parts[parts.length - 1] as string] = value;
  }
  return out;
}
function flatten(value: unknown, prefix = ""): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { [prefix]: value };
  return Object.entries(value).reduce<Record<string, unknown>>(
    (acc, [k, v]) => ({ ...acc, ...flatten(v, prefix ? `${prefix}/${k}` : k) }),
    {}
  );
}

/** A result filled at sync (getCellProperties, getCount…). */
function clientResult<T>(context: FakeContext, compute: () => T) {
  let filled = false;
  let value: T;
  context.enqueue(() => {
    value = compute();
    filled = true;
  });
  return {
    get value(): T {
      if (!filled) throw new Error("PropertyNotLoaded: ClientResult read before sync");
      return value;
    },
  };
}

class FakeRange extends FakeObject {
  constructor(
    context: FakeContext,
    protected readonly model: ExcelModel,
    protected readonly sheet: ExcelSheetModel,
    private readonly at: string
  ) {
    super(context);
  }
  protected current(property: string): unknown {
    if (property === "values") return gridOf(this.sheet, this.at, false, this.model);
    if (property === "formulas") return gridOf(this.sheet, this.at, true);
    if (property === "address") return `${this.sheet.name}!${this.at}`;
    if (property === "numberFormat") {
      const { r0, c0, r1, c1 } = parseAddress(this.at);
      const rows: string[][] = [];
      for (let r = r0; r <= r1; r++) {
        const row: string[] = [];
        for (let c = c0; c <= c1; c++)
          row.push(this.model.numberFormats?.get(`${this.sheet.name}!${a1(r, c)}`) ?? "General");
        rows.push(row);
      }
      return rows;
    }
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
          this.sheet.cells.set(a1(r0 + r, c0 + c), parsedAsExcelDoes(value));
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
  /** Inserting whole rows above this range's first row shifts everything below, merges too. */
  getEntireRow() {
    const { r0, r1 } = parseAddress(this.at);
    const height = r1 - r0 + 1;
    return {
      /** Deleting whole rows shifts everything below up, merges too (merges inside are dropped). */
      delete: (direction: "Up") => {
        if (direction !== "Up") throw new Error("fake: only Up is modelled");
        this.context.enqueue(() => {
          const moved = new Map<string, CellValue>();
          for (const [address, value] of this.sheet.cells) {
            const { r0: r, c0: c } = parseAddress(address);
            if (r >= r0 && r < r0 + height) continue;
            moved.set(r >= r0 + height ? a1(r - height, c) : address, value);
          }
          this.sheet.cells = moved;
          this.model.merges = this.model.merges.flatMap((m) => {
            const [sheet, area] = m.split("!") as [string, string];
            if (sheet !== this.sheet.name) return [m];
            const box = parseAddress(area);
            if (box.r0 >= r0 && box.r1 < r0 + height) return [];
            return box.r0 >= r0 + height
              ? [
                  `${sheet}!${areaAddress(box.r0 - height, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1)}`,
                ]
              : [m];
          });
        });
      },
      insert: (direction: "Down") => {
        if (direction !== "Down") throw new Error("fake: only Down is modelled");
        this.context.enqueue(() => {
          const moved = new Map<string, CellValue>();
          for (const [address, value] of this.sheet.cells) {
            const { r0: r, c0: c } = parseAddress(address);
            moved.set(r >= r0 ? a1(r + height, c) : address, value);
          }
          this.sheet.cells = moved;
          this.model.merges = this.model.merges.map((m) => {
            const [sheet, area] = m.split("!") as [string, string];
            if (sheet !== this.sheet.name) return m;
            const box = parseAddress(area);
            return box.r0 >= r0
              ? `${sheet}!${areaAddress(box.r0 + height, box.c0, box.r1 - box.r0 + 1, box.c1 - box.c0 + 1)}`
              : m;
          });
        });
      },
    };
  }
  private box() {
    const { r0, c0, r1, c1 } = parseAddress(this.at);
    return { top: r0, left: c0, height: r1 - r0 + 1, width: c1 - c0 + 1 };
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    const b = this.box();
    return new FakeRange(
      this.context,
      this.model,
      this.sheet,
      areaAddress(b.top, b.left, b.height + deltaRows, b.width + deltaColumns)
    );
  }
  /** "A1:C3", without the sheet (for the fake's own records). */
  addressInSheet(): string {
    return this.at;
  }
  getCell(row: number, column: number): FakeRange {
    const b = this.box();
    return new FakeRange(
      this.context,
      this.model,
      this.sheet,
      areaAddress(b.top + row, b.left + column, 1, 1)
    );
  }
  getRow(row: number): FakeRange {
    const b = this.box();
    return new FakeRange(
      this.context,
      this.model,
      this.sheet,
      areaAddress(b.top + row, b.left, 1, b.width)
    );
  }
  private setProp(path: string, value: unknown): void {
    const props = (this.model.props ??= new Map());
    // A range's edge or inside border is each cell's own side, as getCellProperties reports it
    // (CellBorderCollection top/bottom/left/right:
    // https://learn.microsoft.com/javascript/api/excel/excel.cellbordercollection).
    const border =
      /^format\/borders\/(EdgeTop|EdgeBottom|EdgeLeft|EdgeRight|InsideHorizontal|InsideVertical)\/(style|color)$/.exec(
        path
      );
    const { r0, c0, r1, c1 } = parseAddress(this.at);
    for (const { r, c } of cellsOf(this.at)) {
      const key = `${this.sheet.name}!${a1(r, c)}`;
      const own: Record<string, unknown> = { [path]: value };
      if (border) {
        const [, edge, what] = border;
        const sides: string[] = [];
        if (edge === "EdgeTop" && r === r0) sides.push("top");
        if (edge === "EdgeBottom" && r === r1) sides.push("bottom");
        if (edge === "EdgeLeft" && c === c0) sides.push("left");
        if (edge === "EdgeRight" && c === c1) sides.push("right");
        if (edge === "InsideHorizontal") {
          if (r > r0) sides.push("top");
          if (r < r1) sides.push("bottom");
        }
        if (edge === "InsideVertical") {
          if (c > c0) sides.push("left");
          if (c < c1) sides.push("right");
        }
        for (const side of sides) own[`format/borders/${side}/${what}`] = value;
      }
      props.set(key, { ...(props.get(key) ?? {}), ...own });
    }
  }
  private prop(path: string): unknown {
    const values = new Set(
      cellsOf(this.at).map(
        (p) => this.model.props?.get(`${this.sheet.name}!${a1(p.r, p.c)}`)?.[path]
      )
    );
    return values.size === 1 ? [...values][0] : null;
  }
  private formatObject: ReturnType<FakeRange["makeFormat"]> | null = null;
  /** Formatting is recorded per cell, not rendered; one object per range, as in Office. */
  get format() {
    return (this.formatObject ??= this.makeFormat());
  }
  private makeFormat() {
    const where = `${this.sheet.name}!${this.at}`;
    const context = this.context;
    const model = this.model;
    const set = (path: string) => (value: unknown) =>
      context.enqueue(() => this.setProp(path, value));
    let fontLoaded: { name: unknown; size: unknown } | null = null;
    const sheet = this.sheet;
    const at = this.at;
    return {
      font: {
        load: () => {
          context.enqueue(
            () =>
              (fontLoaded = {
                name: this.prop("format/font/name"),
                size: this.prop("format/font/size"),
              })
          );
        },
        get name() {
          if (!fontLoaded) throw new Error("PropertyNotLoaded: font.name");
          return fontLoaded.name as string;
        },
        set name(value: string) {
          set("format/font/name")(value);
        },
        get size() {
          if (!fontLoaded) throw new Error("PropertyNotLoaded: font.size");
          return fontLoaded.size as number;
        },
        set size(value: number) {
          set("format/font/size")(value);
        },
        set bold(value: boolean) {
          context.enqueue(() => (model.bold ??= new Map()).set(where, value));
          set("format/font/bold")(value);
        },
      },
      set wrapText(value: boolean) {
        set("format/wrapText")(value);
      },
      /** Row heights fitted to the text (ExcelApi 1.2): recorded per cell, heights are not rendered. */
      autofitRows: () => set("format/rowsAutofit")(true),
      set verticalAlignment(value: string) {
        set("format/verticalAlignment")(value);
      },
      set horizontalAlignment(value: string) {
        set("format/horizontalAlignment")(value);
      },
      set columnWidth(value: number) {
        context.enqueue(() => {
          const { c0, c1 } = parseAddress(at);
          for (let c = c0; c <= c1; c++)
            (model.columnWidths ??= new Map()).set(`${sheet.name}!${columnLetters(c)}`, value);
        });
      },
      borders: {
        getItem: (edge: string) => ({
          set style(value: string) {
            set(`format/borders/${edge}/style`)(value);
          },
          set color(value: string) {
            set(`format/borders/${edge}/color`)(value);
          },
        }),
      },
    };
  }
  getCellProperties() {
    gate(this.context, this.model.client, "Excel.Range.getCellProperties");
    return clientResult(this.context, () => {
      const { r0, c0, r1, c1 } = parseAddress(this.at);
      const rows: Record<string, unknown>[][] = [];
      for (let r = r0; r <= r1; r++) {
        const row: Record<string, unknown>[] = [];
        for (let c = c0; c <= c1; c++)
          row.push(nest({ ...(this.model.props?.get(`${this.sheet.name}!${a1(r, c)}`) ?? {}) }));
        rows.push(row);
      }
      return rows;
    });
  }
  setCellProperties(values: Record<string, unknown>[][]): void {
    gate(this.context, this.model.client, "Excel.Range.setCellProperties");
    const { r0, c0 } = parseAddress(this.at);
    this.context.enqueue(() => {
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const key = `${this.sheet.name}!${a1(r0 + r, c0 + c)}`;
          const flat = flatten(value);
          delete flat[""];
          (this.model.props ??= new Map()).set(key, flat);
        })
      );
    });
  }
  getColumnProperties() {
    gate(this.context, this.model.client, "Excel.Range.getColumnProperties");
    return clientResult(this.context, () => {
      const { c0, c1 } = parseAddress(this.at);
      const out: { format: { columnWidth: number } }[] = [];
      for (let c = c0; c <= c1; c++)
        out.push({
          format: {
            columnWidth:
              this.model.columnWidths?.get(`${this.sheet.name}!${columnLetters(c)}`) ?? 48,
          },
        });
      return out;
    });
  }
  setColumnProperties(values: { format?: { columnWidth?: number } }[]): void {
    gate(this.context, this.model.client, "Excel.Range.setColumnProperties");
    const { c0 } = parseAddress(this.at);
    this.context.enqueue(() =>
      values.forEach((v, i) => {
        if (v.format?.columnWidth !== undefined)
          (this.model.columnWidths ??= new Map()).set(
            `${this.sheet.name}!${columnLetters(c0 + i)}`,
            v.format.columnWidth
          );
      })
    );
  }
  unmerge(): void {
    this.context.enqueue(() => {
      const me = `${this.sheet.name}!${this.at}`;
      this.model.merges = this.model.merges.filter((m) => m !== me);
    });
  }
  private dataValidationObject: ReturnType<FakeRange["make_dataValidation"]> | null = null;
  get dataValidation() {
    gate(this.context, this.model.client, "Excel.Range.dataValidation");
    return (this.dataValidationObject ??= this.make_dataValidation());
  }
  private make_dataValidation() {
    const context = this.context;
    const model = this.model;
    const where = `${this.sheet.name}!${this.at}`;
    let loaded: { rule: unknown } | null = null;
    return {
      load() {
        context.enqueue(() => (loaded = { rule: model.validations?.get(where) ?? {} }));
      },
      get rule(): { list?: unknown } {
        if (!loaded) throw new Error("PropertyNotLoaded: dataValidation.rule");
        return loaded.rule as { list?: unknown };
      },
      set rule(value: unknown) {
        context.enqueue(() => (model.validations ??= new Map()).set(where, value));
      },
      clear() {
        context.enqueue(() => model.validations?.delete(where));
      },
      set errorAlert(value: { showAlert: boolean }) {
        context.enqueue(() => (model.validationAlerts ??= new Map()).set(where, value.showAlert));
      },
    };
  }
  private conditionalFormatsObject: ReturnType<FakeRange["make_conditionalFormats"]> | null = null;
  get conditionalFormats() {
    return (this.conditionalFormatsObject ??= this.make_conditionalFormats());
  }
  private make_conditionalFormats() {
    const context = this.context;
    const model = this.model;
    const where = `${this.sheet.name}!${this.at}`;
    return {
      getCount: () =>
        clientResult(
          context,
          () => (model.conditionalFormats ?? []).filter((f) => f.address === where).length
        ),
      add: () => {
        const entry = { address: where, text: "", color: "" };
        context.enqueue(() => (model.conditionalFormats ??= []).push(entry));
        return {
          textComparison: {
            format: {
              fill: {
                set color(value: string) {
                  context.enqueue(() => (entry.color = value));
                },
              },
            },
            set rule(value: { text: string }) {
              context.enqueue(() => (entry.text = value.text));
            },
          },
        };
      },
      clearAll: () =>
        context.enqueue(
          () =>
            (model.conditionalFormats = (model.conditionalFormats ?? []).filter(
              (f) => f.address !== where
            ))
        ),
    };
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    const { r0, c0 } = parseAddress(this.at);
    this.context.enqueue(() =>
      formats.forEach((row, r) =>
        row.forEach((f, c) =>
          (this.model.numberFormats ??= new Map()).set(
            `${this.sheet.name}!${a1(r0 + r, c0 + c)}`,
            f
          )
        )
      )
    );
  }
  select(): void {
    this.context.enqueue(() => (this.model.selected = `${this.sheet.name}!${this.at}`));
  }
  merge(across = false): void {
    if (across) throw new Error("fake: merge(across) not modelled");
    this.context.enqueue(() => this.model.merges.push(`${this.sheet.name}!${this.at}`));
  }
}

class FakeAddress extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly value: string
  ) {
    super(context);
  }
  protected current(property: string): unknown {
    if (property === "address") return this.value;
    throw new Error(`fake: area.${property} not modelled`);
  }
  get address(): string {
    return this.read("address");
  }
}

class FakeMergedAreas extends FakeNullable {
  readonly areas: FakeCollection<FakeAddress>;
  constructor(
    context: FakeContext,
    private readonly model: ExcelModel,
    private readonly sheet: ExcelSheetModel
  ) {
    super(context);
    this.areas = new FakeCollection(context, () =>
      this.mine().map((m) => new FakeAddress(context, m))
    );
  }
  private mine(): string[] {
    return this.model.merges.filter((m) => m.startsWith(`${this.sheet.name}!`));
  }
  protected exists(): boolean {
    return this.mine().length > 0;
  }
  protected current(): unknown {
    return undefined;
  }
  override load(spec?: string | string[]): this {
    const properties = (Array.isArray(spec) ? spec : (spec ?? "").split(",")).map((p) => p.trim());
    this.areas.load(properties.map((p) => p.replace(/^areas\//, "")));
    return this;
  }
}

/** The used range: from A1 to the last non-empty cell (real Excel starts at the first one). */
class FakeUsedRange extends FakeNullable {
  constructor(
    context: FakeContext,
    private readonly model: ExcelModel,
    private readonly sheet: ExcelSheetModel
  ) {
    super(context);
  }
  /**
   * The smallest range holding every cell with a value: it starts at the first used cell, not at
   * A1 ("Worksheet.getUsedRange(valuesOnly)": "the smallest range that encompasses any cells that
   * have a value", learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
   */
  private area(): string | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [address, value] of this.sheet.cells) {
      if (value === "") continue;
      const { r0, c0 } = parseAddress(address);
      top = Math.min(top, r0);
      left = Math.min(left, c0);
      bottom = Math.max(bottom, r0);
      right = Math.max(right, c0);
    }
    return bottom < 0 ? null : areaAddress(top, left, bottom - top + 1, right - left + 1);
  }
  protected exists(): boolean {
    return this.area() !== null;
  }
  protected current(property: string): unknown {
    const area = this.area();
    if (area === null) return undefined;
    const box = parseAddress(area);
    if (property === "address") return `${this.sheet.name}!${area}`;
    if (property === "values") return gridOf(this.sheet, area, false, this.model);
    if (property === "rowCount") return box.r1 - box.r0 + 1;
    if (property === "columnCount") return box.c1 - box.c0 + 1;
    throw new Error(`fake: usedRange.${property} not modelled`);
  }
  get address(): string {
    return this.read("address");
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  getMergedAreasOrNullObject(): FakeMergedAreas {
    gate(this.context, this.model.client, "Excel.Range.getMergedAreasOrNullObject");
    return new FakeMergedAreas(this.context, this.model, this.sheet);
  }
}

class FakeWorksheet extends FakeObject {
  constructor(
    context: FakeContext,
    private readonly model: ExcelModel,
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
  /** [Api set: ExcelApi 1.7] (Worksheet.onChanged). */
  get onChanged() {
    return fakeEvent(this.context, (this.model.handlers ??= new Set()));
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this.model, this.sheet, address);
  }
  getRangeByIndexes(top: number, left: number, height: number, width: number): FakeRange {
    return new FakeRange(
      this.context,
      this.model,
      this.sheet,
      areaAddress(top, left, height, width)
    );
  }
  getUsedRangeOrNullObject(): FakeUsedRange {
    return new FakeUsedRange(this.context, this.model, this.sheet);
  }
  get charts() {
    const context = this.context;
    const model = this.model;
    const name = this.sheet.name;
    return {
      add: (type: string, source: FakeRange) => {
        const chart: { sheet: string; type: string; source: string; title?: string } = {
          sheet: name,
          type,
          source: source.addressInSheet(),
        };
        context.enqueue(() => (model.charts ??= []).push(chart));
        return {
          title: {
            set text(value: string) {
              context.enqueue(() => (chart.title = value));
            },
          },
          setPosition: () => undefined,
        };
      },
    };
  }
  set visibility(value: string) {
    this.context.enqueue(() => {
      const hidden = (this.model.hidden ??= new Set());
      if (value === "Visible") hidden.delete(this.sheet.name);
      else hidden.add(this.sheet.name);
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      this.model.sheets = this.model.sheets.filter((s) => s.name !== this.sheet.name);
      this.model.hidden?.delete(this.sheet.name);
    });
  }
  activate(): void {
    this.context.enqueue(
      () =>
        (this.model.active = {
          sheet: this.model.sheets.findIndex((s) => s.name === this.sheet.name),
          cell: "A1",
        })
    );
  }
  get freezePanes() {
    const context = this.context;
    const model = this.model;
    const name = this.sheet.name;
    const set = (rows: number) =>
      context.enqueue(() => (model.frozenRows ??= new Map()).set(name, rows));
    return {
      freezeRows: (rows: number) => set(rows),
      freezeAt: (address: string) => set(parseAddress(address).r1 + 1),
      unfreeze: () => set(0),
      getLocationOrNullObject: () =>
        new FakeLocation(context, () => model.frozenRows?.get(name) ?? 0),
    };
  }
  get pageLayout() {
    gate(this.context, this.model.client, "Excel.Worksheet.pageLayout");
    const context = this.context;
    const model = this.model;
    const name = this.sheet.name;
    const layout = () => {
      const all = (model.pageLayout ??= new Map());
      if (!all.has(name))
        all.set(name, {
          orientation: "Portrait",
          paperSize: "Letter",
          zoom: { scale: 100 },
          leftMargin: 50,
          rightMargin: 50,
          topMargin: 54,
          bottomMargin: 54,
        });
      return all.get(name) as Record<string, unknown>;
    };
    let loaded: Record<string, unknown> | null = null;
    const target: Record<string, unknown> = {
      load: () => context.enqueue(() => (loaded = { ...layout() })),
      setPrintTitleRows: (rows: string) =>
        context.enqueue(() => (model.printTitles ??= new Map()).set(name, rows)),
      getPrintTitleRowsOrNullObject: () =>
        new FakePrintTitles(context, () => model.printTitles?.get(name) ?? null),
    };
    return new Proxy(target, {
      get(t, key: string) {
        if (key in t) return t[key];
        if (!loaded) throw new Error(`PropertyNotLoaded: pageLayout.${key}`);
        return loaded[key];
      },
      set(_t, key: string, value: unknown) {
        context.enqueue(() => (layout()[key] = value));
        return true;
      },
    });
  }
}

class FakeLocation extends FakeNullable {
  constructor(
    context: FakeContext,
    private readonly rows: () => number
  ) {
    super(context);
  }
  protected exists(): boolean {
    return this.rows() > 0;
  }
  protected current(property: string): unknown {
    if (property === "rowCount") return this.rows();
    if (property === "address") return `A1:A${this.rows()}`;
    throw new Error(`fake: freeze location.${property} not modelled`);
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get address(): string {
    return this.read("address");
  }
}

class FakePrintTitles extends FakeNullable {
  constructor(
    context: FakeContext,
    private readonly rows: () => string | null
  ) {
    super(context);
  }
  protected exists(): boolean {
    return this.rows() !== null;
  }
  protected current(property: string): unknown {
    if (property === "address") return this.rows();
    throw new Error(`fake: print titles.${property} not modelled`);
  }
  get address(): string {
    return this.read("address");
  }
}

/** `target` with `members` added as they are written (getters stay getters). */
function withMembers<T extends object, M extends object>(target: T, members: M): T & M {
  return Object.defineProperties(target, Object.getOwnPropertyDescriptors(members)) as T & M;
}

export function fakeExcelContext(model: ExcelModel) {
  const context = new FakeContext();
  const comments = (() => {
    let items: { address: string }[] | null = null;
    return {
      load() {
        context.enqueue(
          () => (items = (model.comments ?? []).map((c) => ({ address: c.address })))
        );
      },
      get items() {
        if (!items) throw new Error("PropertyNotLoaded: comments");
        return items.map((c) => ({
          getLocation() {
            let address: string | null = null;
            return {
              load() {
                context.enqueue(() => (address = c.address));
                return this;
              },
              get address() {
                if (address === null) throw new Error("PropertyNotLoaded: address");
                return address;
              },
            };
          },
        }));
      },
      add(address: string, content: string) {
        context.enqueue(() => {
          // Some builds report ExcelApi 1.10 yet refuse comments (office-js issues): NotImplemented.
          if (model.commentsNotImplemented)
            throw officeError("NotImplemented", "This feature isn't implemented.");
          const bare = address.replace(/^'(.*)'!/, "$1!");
          if ((model.comments ?? []).some((c) => c.address === bare))
            throw new Error("InvalidArgument: the cell already has a comment");
          (model.comments ??= []).push({ address: bare, content });
        });
      },
    };
  })();
  const sheetOf = (sheet: ExcelSheetModel) => new FakeWorksheet(context, model, sheet);
  const activeSheet = () => model.sheets[model.active.sheet] as ExcelSheetModel;
  const api = {
    sync: () => context.sync(),
    workbook: {
      get worksheets() {
        // defineProperties, not assign: a getter (a gated event) runs when read, not when built.
        return withMembers(new FakeCollection(context, () => model.sheets.map(sheetOf)), {
          getActiveWorksheet: () => sheetOf(activeSheet()),
          // [Api set: ExcelApi 1.9] (@types/office-js, WorksheetCollection.onChanged).
          get onChanged() {
            gate(context, model.client, "Excel.WorksheetCollection.onChanged");
            return fakeEvent(context, (model.handlers ??= new Set()));
          },
          // [Api set: ExcelApi 1.7] (WorksheetCollection.onAdded): heard like a change.
          onAdded: fakeEvent(context, (model.handlers ??= new Set())),
          getItem: (name: string) => {
            const found = model.sheets.find((s) => s.name === name);
            if (!found)
              context.enqueue(() => {
                throw new Error(`ItemNotFound: worksheet ${name}`);
              });
            return sheetOf(found ?? { name, cells: new Map() });
          },
          /** A new sheet, at sync; a name already taken fails the batch, as in Excel. */
          add: (name: string) => {
            const sheet: ExcelSheetModel = { name, cells: new Map() };
            context.enqueue(() => {
              if (model.sheets.some((s) => s.name === name))
                throw new Error(`ItemAlreadyExists: worksheet ${name}`);
              model.sheets.push(sheet);
            });
            return sheetOf(sheet);
          },
          getItemOrNullObject: (name: string) => {
            const found = model.sheets.find((s) => s.name === name);
            // Simplification: known at once rather than after the sync.
            return Object.assign(sheetOf(found ?? { name, cells: new Map() }), {
              isNullObject: found === undefined,
            });
          },
        });
      },
      settings: keyedCollection(context, model.settings),
      get comments() {
        gate(context, model.client, "Excel.Workbook.comments");
        return comments;
      },
      getActiveCell: () => new FakeRange(context, model, activeSheet(), model.active.cell),
    },
  };
  return { context, api };
}

export function fakeExcelRun(model: ExcelModel) {
  const contexts: FakeContext[] = [];
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const { context, api } = fakeExcelContext(model);
    contexts.push(context);
    const sync = context.sync.bind(context);
    context.sync = async () => {
      if (model.cellEditMode)
        throw officeError(
          "InvalidOperationInCellEditMode",
          "The operation is not available in cell edit mode."
        );
      return sync();
    };
    if (model.raiseEvents)
      raisingChanges(
        context,
        () => JSON.stringify(model.sheets.map((sheet) => [sheet.name, [...sheet.cells]])),
        () => model.handlers,
        !model.client || (model.client.sets.ExcelApi ?? 0) >= 14 ? "ThisLocalAddin" : undefined
      );
    return batch(api as unknown as Excel.RequestContext);
  };
  return { run, contexts, syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0) };
}
