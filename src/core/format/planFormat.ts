/**
 * What the plan table should look like, from its recognised rows and the format profile, and the
 * list of changes the preview shows: computed from facts the adapters read (fonts, sizes, header
 * repetition, print setup), so the pane says what is off before anything is written.
 */
import { render, say, type Said } from "../messages";
import { PROGRESS_ORDER, progressTexts } from "../tracking/progress";
import type { ColumnRole } from "../plan/layouts";
import type { AnalysedTable } from "../plan/session";
import {
  charsAcross,
  contentWidths,
  inRange,
  textWidthMm,
  wrappedLines,
  type FormatProfile,
} from "./profile";
import { spanWidth, type TableGrid } from "../plan/table";
import type { Normalization, NormalizationKind } from "./normalize";
import type { DocumentPart } from "./documentParts";

/** The hidden sheet of an .xlsx that holds KHCT's suggestion lists. */
export const LIST_SHEET = "KHCT_DanhSach";

/** The fill colours of the progress values, in PROGRESS_ORDER (Excel's "bad", "neutral", "good"). */
export const PROGRESS_COLOURS = ["#F8CBAD", "#FFE699", "#C6EFCE"] as const;

export interface TableFormatTarget {
  readonly key: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly headerRows: number;
  /** Rows printed bold: header, "MỨC …" section rows, standard rows. */
  readonly boldRows: readonly number[];
  /** Section and standard rows: from this column to the last, one merged cell (Excel; Word 1.3 cannot merge). */
  readonly spanRows: readonly { readonly row: number; readonly from: number }[];
  /**
   * Column widths as fractions of the table width, from what the columns hold: none narrower than
   * its longest word, the rest shared by need.
   */
  readonly widths: readonly number[];
  /** The page the widths are for: landscape when the columns' longest words do not fit upright. */
  readonly orientation: "portrait" | "landscape";
  readonly font: string;
  readonly pt: number;
  /** Column index by role, for money formats and lists. */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
  /** The values the progress column's list offers: not started, in progress, done (its form's words). */
  readonly progressValues: readonly string[];
}

/**
 * The plan table's target look. `edits` are the text normalisations the same format writes: the
 * widths are measured on the texts as they will be, so formatting again finds the same widths.
 */
export function tableFormatTarget(
  table: AnalysedTable,
  profile: FormatProfile,
  edits: readonly Normalization[] = []
): TableFormatTarget | null {
  if (!table.header.ok || !table.table) return null;
  const match = table.header.match;
  const headerRows = match.headerStart + match.headerRows;
  const roles: (ColumnRole | null)[] = Array.from({ length: table.grid.colCount }, () => null);
  for (const [role, col] of Object.entries(match.columns) as [ColumnRole, number][])
    if (col !== undefined && col < roles.length) roles[col] = role;
  const boldRows: number[] = Array.from({ length: headerRows }, (_, i) => i);
  const spanRows: { row: number; from: number }[] = [];
  for (const row of table.table.rows) {
    if (row.kind !== "section" && row.kind !== "standard") continue;
    boldRows.push(row.index);
    const first = table.grid.cells[row.index]?.findIndex((c) => c.text.trim() !== "") ?? -1;
    const from =
      row.kind === "section" ? 0 : Math.max(0, first === 0 && match.columns.tt === 0 ? 1 : first);
    // Merged across only over empty cells (a cell the school wrote after the label stays its own).
    const cells = table.grid.cells[row.index] ?? [];
    const origin = cells[from]?.origin;
    const restEmpty = cells
      .slice(from + 1)
      .every(
        (c) => c.text.trim() === "" || (c.origin.row === origin?.row && c.origin.col === origin.col)
      );
    if (restEmpty && table.grid.colCount - from >= 2) spanRows.push({ row: row.index, from });
  }
  return {
    key: table.key,
    rowCount: table.grid.rowCount,
    colCount: table.grid.colCount,
    headerRows,
    boldRows,
    spanRows,
    ...tableWidths(
      table.grid,
      roles,
      profile,
      edits.filter((e) => e.table === table.key),
      new Set(spanRows.map((s) => s.row))
    ),
    font: profile.font,
    pt: profile.tablePt.preferred,
    columns: match.columns,
    // The words of the table's own form (tracking writes the same ones).
    progressValues: PROGRESS_ORDER.map((status) => progressTexts(match.layout.id)[status]),
  };
}

/** The texts of each column, each cell once where it starts (cells across several columns left out). */
function columnTexts(
  grid: TableGrid,
  edits: readonly Normalization[],
  skip: ReadonlySet<number>
): string[][] {
  const edited = new Map(edits.map((e) => [`${e.row}:${e.col}`, e.text]));
  const out: string[][] = Array.from({ length: grid.colCount }, () => []);
  grid.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      // Section and standard rows run across the table (merged by the format): no column's width.
      if (skip.has(r)) return;
      if (cell.origin.row !== r || cell.origin.col !== c || !cell.text.trim()) return;
      if (spanWidth(grid, r, c) === 1) out[c]?.push(edited.get(`${r}:${c}`) ?? cell.text);
    })
  );
  return out;
}

/** Widths for the table's page: upright when its longest words fit, else landscape. */
function tableWidths(
  grid: TableGrid,
  roles: readonly (ColumnRole | null)[],
  profile: FormatProfile,
  edits: readonly Normalization[],
  groupRows: ReadonlySet<number>
): { widths: number[]; orientation: "portrait" | "landscape" } {
  const texts = columnTexts(grid, edits, groupRows);
  const pt = profile.tablePt.preferred;
  const upright = contentWidths(profile, roles, texts, textWidthMm(profile, "portrait"), pt);
  if (upright.fits && grid.colCount <= 5)
    return { widths: upright.widths, orientation: "portrait" };
  const wide = contentWidths(profile, roles, texts, textWidthMm(profile, "landscape"), pt);
  return { widths: wide.widths, orientation: "landscape" };
}

/**
 * An estimate of the lines the table's rows take at these widths (the tallest cell of each row),
 * for comparing layouts without rendering them.
 */
export function estimatedLines(
  grid: TableGrid,
  widths: readonly number[],
  tableMm: number,
  pt: number
): number {
  const across = charsAcross(tableMm, pt);
  let total = 0;
  grid.cells.forEach((row, r) => {
    let tallest = 1;
    row.forEach((cell, c) => {
      if (cell.origin.row !== r || cell.origin.col !== c || !cell.text.trim()) return;
      const span = spanWidth(grid, r, c);
      const share = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
      tallest = Math.max(tallest, wrappedLines(cell.text, Math.max(1, share * across - 1)));
    });
    total += tallest;
  });
  return total;
}

/** Formatting facts an adapter read; null where the host could not tell (mixed, or no API). */
export interface FormatFacts {
  /** Distinct font names and sizes of the body text outside tables. */
  readonly bodyFonts: readonly string[];
  readonly bodySizes: readonly number[];
  /** The plan table's font and size (null: mixed), and how many rows repeat as header on each page. */
  readonly tableFont: string | null;
  readonly tablePt: number | null;
  readonly headerRepeat: number | null;
  /** Rows already bold (by row index) — null when not read. */
  readonly boldRows: readonly number[] | null;
  /** Page margins in mm, when the host can read them. */
  readonly marginsMm: { top: number; bottom: number; left: number; right: number } | null;
  /** The plan table's column widths now (fractions), whether it has full borders, which span rows are merged. */
  readonly widths?: readonly number[] | null;
  readonly borders?: boolean | null;
  readonly mergedRows?: readonly number[] | null;
  /** The page the plan table stands on, when the host can tell. */
  readonly orientation?: "portrait" | "landscape" | null;
  /** Excel extras already in place: suggestion lists, money format of numeric budgets, progress list. */
  readonly extras?: {
    readonly lists: boolean;
    readonly money: boolean;
    readonly progress: boolean;
  } | null;
  /** Excel print setup. */
  readonly print: {
    readonly landscape: boolean;
    readonly fitOneWide: boolean;
    readonly titleRows: boolean;
    readonly frozenRows: number;
  } | null;
}

export interface FormatChange {
  readonly id: string;
  /** What will change, in Vietnamese: "Phông chữ thân văn bản: Arial → Times New Roman". */
  readonly label: string;
  /** Done by hand: the host's API cannot (e.g. page margins in Word on the web). */
  readonly manual?: string;
  /** label and manual as said, for the pane's language. */
  readonly said: { readonly label: Said; readonly manual?: Said };
}

/** A change with its words in Vietnamese and as said. */
function change(id: string, label: Said, manual?: Said): FormatChange {
  return {
    id,
    label: render(label, "vi"),
    ...(manual ? { manual: render(manual, "vi") } : {}),
    said: { label, ...(manual ? { manual } : {}) },
  };
}

const list = (items: readonly (string | number)[]) => items.join(", ");

/** Widths the same to the eye (within 1.5 % of the table's width each). */
function sameWidths(now: readonly number[] | null, target: readonly number[]): boolean {
  return (
    now !== null &&
    now.length === target.length &&
    now.every((w, i) => Math.abs(w - (target[i] ?? 0)) <= 0.015)
  );
}

/** The changes KHCT will make (and the ones the user must make by hand), for the preview. */
export function formatChanges(
  facts: FormatFacts,
  target: TableFormatTarget | null,
  profile: FormatProfile,
  normalizations: readonly Normalization[],
  host: "word" | "excel" | "file",
  pageSetupApi: boolean
): FormatChange[] {
  const out: FormatChange[] = [];
  // Excel has no body text: only the plan range is formatted there.
  const otherFonts = host === "excel" ? [] : facts.bodyFonts.filter((f) => f !== profile.font);
  if (otherFonts.length)
    out.push(
      change("body-font", say("format.body-font", { fonts: list(otherFonts), font: profile.font }))
    );
  const badSizes =
    host === "excel" ? [] : facts.bodySizes.filter((s) => !inRange(profile.bodyPt, s));
  if (badSizes.length)
    out.push(
      change(
        "body-size",
        say("format.body-size", {
          sizes: list(badSizes),
          size: profile.bodyPt.preferred,
          min: profile.bodyPt.min,
          max: profile.bodyPt.max,
        })
      )
    );
  if (target) {
    if (
      facts.tableFont !== profile.font ||
      facts.tablePt === null ||
      !inRange(profile.tablePt, facts.tablePt)
    )
      out.push(
        change(
          "table-font",
          say("format.table-font", {
            now: facts.tableFont ?? say("format.many-fonts"),
            pt: facts.tablePt ? ` ${facts.tablePt}` : "",
            font: profile.font,
            size: target.pt,
          })
        )
      );
    if (facts.headerRepeat !== target.headerRows)
      out.push(change("header-repeat", say("format.header-repeat", { rows: target.headerRows })));
    const notBold = facts.boldRows
      ? target.boldRows.filter((r) => !facts.boldRows?.includes(r))
      : target.boldRows;
    if (notBold.length)
      out.push(change("bold-rows", say("format.bold-rows", { rows: notBold.length })));
    if (facts.borders !== true) out.push(change("borders", say("format.borders")));
    if (!sameWidths(facts.widths ?? null, target.widths))
      out.push(change("widths", say("format.widths")));
    if (target.orientation === "landscape" && facts.orientation === "portrait")
      out.push(change("landscape", say("format.landscape"), say("format.landscape.manual")));
    if (host === "excel") {
      const toMerge = target.spanRows.filter((s) => !facts.mergedRows?.includes(s.row));
      if (toMerge.length) out.push(change("merge", say("format.merge", { rows: toMerge.length })));
      if (!facts.print?.frozenRows) out.push(change("freeze", say("format.freeze")));
      if (!facts.print?.landscape || !facts.print.fitOneWide || !facts.print.titleRows)
        out.push(change("print", say("format.print")));
      const extras = facts.extras ?? null;
      if (target.columns.budget !== undefined && !extras?.money)
        out.push(change("money", say("format.money")));
      if (
        (target.columns.criterion !== undefined || target.columns.responsible !== undefined) &&
        !extras?.lists
      )
        out.push(change("lists", say("format.lists")));
      if (target.columns.progress !== undefined && !extras?.progress)
        out.push(
          change("progress", say("format.progress", { values: target.progressValues.join(" / ") }))
        );
    }
  }
  const kinds = new Map<string, number>();
  for (const n of normalizations) for (const k of n.kinds) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  for (const [kind, count] of kinds)
    out.push(
      change(
        `normalize-${kind}`,
        say("format.normalized", { what: say(`normalize.${kind as NormalizationKind}`), count })
      )
    );
  const m = facts.marginsMm;
  const pm = profile.marginsMm;
  const marginsOk =
    m &&
    inRange(pm.top, m.top, 0.5) &&
    inRange(pm.bottom, m.bottom, 0.5) &&
    inRange(pm.left, m.left, 0.5) &&
    inRange(pm.right, m.right, 0.5);
  if (!marginsOk && (host === "word" || host === "file")) {
    const wanted = say("format.margins.values", {
      top: pm.top.preferred,
      bottom: pm.bottom.preferred,
      left: pm.left.preferred,
      right: pm.right.preferred,
    });
    out.push(
      pageSetupApi
        ? change("margins", say("format.margins", { wanted }))
        : change("margins", say("format.margins.nd30", { wanted }), say("format.margins.manual"))
    );
  }
  return out;
}

/** Findings-like notes for the parts of the administrative format the document lacks. */
export function missingPartChanges(missing: readonly DocumentPart[]): FormatChange[] {
  return missing.map((p) =>
    change(
      `part-${p.id}`,
      say("format.part-missing", { name: p.name, rule: p.rule }),
      say("format.part-template", { template: p.template.replace(/\n+/g, " / ") })
    )
  );
}

/** A paragraph's look as a host reports it (null: mixed or unknown). */
export interface ParagraphLook {
  readonly text: string;
  readonly font: string | null;
  readonly size: number | null;
}

/**
 * The body paragraphs whose size is outside the profile's body range and that are body text: not
 * the all-capitals lines of the header block and title, not the "Nơi nhận" list (sizes 11–13 are
 * the decree's own there).
 */
export function bodySizeTargets(
  paragraphs: readonly ParagraphLook[],
  profile: FormatProfile
): { readonly index: number; readonly pt: number }[] {
  const closing = paragraphs.findIndex((p) => /^\s*Nơi nhận\s*:/iu.test(p.text));
  const out: { index: number; pt: number }[] = [];
  paragraphs.forEach((p, index) => {
    const text = p.text.trim();
    if (!text || p.size === null || inRange(profile.bodyPt, p.size)) return;
    if (closing >= 0 && index >= closing) return;
    if (/\p{L}/u.test(text) && text === text.toUpperCase() && text.length < 120) return;
    out.push({ index, pt: profile.bodyPt.preferred });
  });
  return out;
}

/** Everything a format operation writes, computed in the core; the adapters only apply it. */
export interface FormatPlan {
  readonly font: string;
  /** Body paragraphs to set to the body size (by index among the host's paragraphs). */
  readonly bodySizes: readonly { readonly index: number; readonly pt: number }[];
  readonly table: TableFormatTarget | null;
  /** Text normalisations: each written only where the cell still holds `expected`. */
  readonly edits: readonly Normalization[];
  /**
   * Suggestion lists for Excel cells (not enforced: schools write titles after labels): the
   * criterion labels of the plan's framework, and the people the plan names.
   */
  readonly lists?: {
    readonly criterion: readonly string[];
    readonly responsible: readonly string[];
  };
}
