/**
 * Plans saved as HTML with a .doc (or .htm) name, as school apps do (Word opens them): the tables
 * and the text around them, read tolerantly — tags in any case, attributes in any order, unclosed
 * cells and rows, entities — within the same bounds as a .docx (64 columns, 5,000 rows a table).
 * Only read: KHCT writes .docx and .xlsx.
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

/** An HTML plan's paragraphs (outside tables) and tables. Nested tables are read as text of their cell. */
export function readHtml(html: string): { paragraphs: string[]; tables: DocumentTable[] } {
  const paragraphs: string[] = [];
  const tables: DocumentTable[] = [];
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const parts = body.split(/(<table\b[\s\S]*?<\/table>)/i);
  for (const part of parts) {
    if (/^<table\b/i.test(part)) {
      const rows = tableRows(part);
      if (rows.length === 0) continue;
      const i = tables.length;
      tables.push({ key: `table-${i}`, where: `Bảng ${i + 1}`, grid: buildGrid(rows) });
    } else {
      paragraphs.push(...htmlText(part).split("\n").filter(Boolean));
    }
  }
  return { paragraphs, tables };
}
