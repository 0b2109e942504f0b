/**
 * Plans saved as HTML with a .doc (or .htm) name, as school apps do (Word opens them): the tables
 * and the text around them, read tolerantly — tags in any case, attributes in any order, unclosed
 * cells and rows, entities — within the same bounds as a .docx (64 columns, 5,000 rows a table).
 * KHCT writes .docx and .xlsx: fill and format turn such a plan into a new .docx (fromHtml.ts).
 */
import { buildGrid, MAX_COLUMNS, type RawCell } from "../../core/plan/table";
import type { DocumentTable } from "../adapter";

const MAX_ROWS = 5000;

/** Whether the bytes look like an HTML document (checked on their start). */
export function looksLikeHtml(data: Uint8Array): boolean {
  const head = new TextDecoder("utf-8").decode(data.subarray(0, 4096)).trimStart().toLowerCase();
  return /^(<!doctype html|<html|<\?xml[^>]*>\s*<html|<meta|<head|<body|<table)/.test(head);
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  ldquo: "“",
  rdquo: "”",
};

/** The text of an HTML fragment: tags out, line breaks and paragraphs as new lines, entities decoded. */
export function htmlText(fragment: string): string {
  return fragment
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6])>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000
          ? String.fromCodePoint(code)
          : "";
      }
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

const span = (attributes: string, name: string) => {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, "i").exec(attributes);
  return m ? Math.min(name === "colspan" ? MAX_COLUMNS : MAX_ROWS, Math.max(1, Number(m[1]))) : 1;
};

/** The rows of one <table>…</table>, as KHCT's raw cells (spans bounded). */
function tableRows(html: string): RawCell[][] {
  const rows: RawCell[][] = [];
  for (const tr of html.split(/<tr\b[^>]*>/i).slice(1)) {
    if (rows.length >= MAX_ROWS) break;
    const body = tr.split(/<\/tr>/i)[0] ?? "";
    const cells: RawCell[] = [];
    for (const piece of body.split(/<t[dh]\b/i).slice(1)) {
      const close = piece.indexOf(">");
      const attributes = piece.slice(0, Math.max(0, close));
      const inner = piece.slice(close + 1).split(/<\/t[dh]>/i)[0] ?? "";
      const colSpan = span(attributes, "colspan");
      const rowSpan = span(attributes, "rowspan");
      cells.push({
        text: htmlText(inner),
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
      });
    }
    rows.push(cells);
  }
  return rows;
}

/** One block of an HTML plan's body, in document order. */
export type HtmlBlock =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "table"; readonly rows: RawCell[][] };

/** An HTML plan's body as paragraphs (outside tables) and tables, in order. Nested tables are read as text of their cell. */
export function readHtmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  for (const part of body.split(/(<table\b[\s\S]*?<\/table>)/i)) {
    if (/^<table\b/i.test(part)) {
      const rows = tableRows(part);
      if (rows.length > 0) blocks.push({ kind: "table", rows });
    } else {
      for (const text of htmlText(part).split("\n").filter(Boolean))
        blocks.push({ kind: "paragraph", text });
    }
  }
  return blocks;
}

/** An HTML plan's paragraphs (outside tables) and tables. */
export function readHtml(html: string): { paragraphs: string[]; tables: DocumentTable[] } {
  const paragraphs: string[] = [];
  const tables: DocumentTable[] = [];
  for (const block of readHtmlBlocks(html)) {
    if (block.kind === "paragraph") paragraphs.push(block.text);
    else {
      const i = tables.length;
      tables.push({ key: `table-${i}`, where: `Bảng ${i + 1}`, grid: buildGrid(block.rows) });
    }
  }
  return { paragraphs, tables };
}
