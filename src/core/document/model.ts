/**
 * A document as data: what KHCT writes when it makes a document (a new standard plan) or inserts
 * a block (a template). The file adapter renders it to .docx and .xlsx; sizes and fonts come from
 * the format profile the document carries.
 */
import type { FormatProfile } from "../format/profile";
import type { ColumnRole } from "../plan/layouts";

export type Align = "left" | "center" | "right" | "justify";

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** Font size in points; the paragraph's default otherwise. */
  readonly pt?: number;
}

/** What a paragraph is, so that checks and formatting can find it again. */
export type ParagraphRole =
  | "authority"
  | "school"
  | "number"
  | "quocHieu"
  | "tieuNgu"
  | "dateLine"
  | "title"
  | "subtitle"
  | "heading"
  | "body"
  | "placeholder"
  | "closing"
  | "noiNhanLabel"
  | "noiNhanItem"
  | "signatureTitle"
  | "signatureName"
  | "cell";

export interface Paragraph {
  readonly kind: "paragraph";
  readonly role: ParagraphRole;
  readonly runs: readonly Run[];
  readonly align?: Align;
  readonly indentFirstCm?: number;
  readonly beforePt?: number;
  readonly afterPt?: number;
  /** Default size of the paragraph's runs. */
  readonly pt: number;
}

export interface Cell {
  readonly paragraphs: readonly Paragraph[];
  readonly colSpan?: number;
}

export type TableRowKind =
  "header" | "section" | "standard" | "criterion" | "level4" | "blank" | "layout";

export interface Table {
  readonly kind: "table";
  /** "layout": a borderless table that places blocks side by side (header block, signature). */
  readonly role: "layout" | "plan";
  readonly borders: boolean;
  /** Column widths as fractions of the text width. */
  readonly widths: readonly number[];
  /** The plan table's column roles (null for layout tables). */
  readonly roles?: readonly (ColumnRole | null)[];
  readonly headerRows: number;
  readonly rows: readonly (readonly Cell[])[];
  readonly rowKinds: readonly TableRowKind[];
}

export type Block = Paragraph | Table;

export interface DocumentSection {
  readonly orientation: "portrait" | "landscape";
  readonly blocks: readonly Block[];
}

export interface DocumentModel {
  readonly profile: FormatProfile;
  /** The document's title (file properties). */
  readonly title: string;
  readonly sections: readonly DocumentSection[];
  /** KHCT's settings to store with the document (custom property "KHCT"), when known. */
  readonly settings?: string;
}

/** The plain text of a paragraph. */
export const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join("");

/** The text of a cell, paragraphs on separate lines (as the readers give it back). */
export const cellModelText = (c: Cell): string => c.paragraphs.map(paragraphText).join("\n");
