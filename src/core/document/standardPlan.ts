/**
 * A complete standard plan, for trainers and for schools starting from nothing: the
 * administrative header block, the title, sections I–VI, the plan table (standard header, section
 * rows, a row per criterion left to fill), the closing, "Nơi nhận" and the signature block —
 * formatted by a format profile (default: Nghị định 30/2020).
 *
 * The section headings are the ones real plans use (shared/seeds); the citations in section II
 * are built from the catalogue's documents (facts only). What only the school can write is a
 * visible placeholder in square brackets, never invented content.
 */
import { FORM_PLACEHOLDERS } from "../plan/formFill";
import { criteria, CATALOGUE } from "../catalogue/catalogue";
import { formatDate } from "../catalogue/select";
import type { CitedDocument, Framework, PlanForm } from "../catalogue/types";
import { ND30_PROFILE, QUOC_HIEU, TIEU_NGU, columnFractions } from "../format/profile";
import type { FormatProfile } from "../format/profile";
import { createdColumns, layoutById, type ColumnRole, type LayoutId } from "../plan/layouts";
import { newPlanTable } from "../plan/newTable";
import { SECTION_TEXT } from "../plan/patch";
import { serializeSettings } from "../plan/settings";
import type { RowTemplate } from "../plan/templates";
import { SCHOOL_LEVEL_NAME, type SchoolLevel } from "../schoolLevel";
import type { SchoolYear } from "../text/schoolYear";
import type {
  Align,
  Block,
  Cell,
  DocumentModel,
  Paragraph,
  ParagraphRole,
  Run,
  Table,
  TableRowKind,
} from "./model";

/** Layouts a new plan can be written in (the self-assessment layouts are not plans). */
export const NEW_PLAN_LAYOUTS: readonly LayoutId[] = [
  "standard",
  "standard-level",
  "progress",
  "solutions",
];

export interface StandardPlanOptions {
  readonly level: SchoolLevel;
  readonly year: SchoolYear;
  readonly framework: Framework;
  /** "Trường Tiểu học Thanh Luông"; a placeholder when absent. */
  readonly school?: string;
  /** The body the school belongs to, e.g. "UBND xã …" or "Phòng GD&ĐT …". */
  readonly authority?: string;
  /** The place in the date line, e.g. "Tiên Lãng". */
  readonly place?: string;
  readonly layout?: LayoutId;
  readonly profile?: FormatProfile;
}

/** Section headings of a plan, as real plans write them (shared/seeds). */
export const PLAN_SECTIONS = [
  "MỤC ĐÍCH, YÊU CẦU",
  "CĂN CỨ XÂY DỰNG KẾ HOẠCH",
  "NỘI DUNG KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
  "GIẢI PHÁP",
  "ĐỀ XUẤT, KIẾN NGHỊ",
  "TỔ CHỨC THỰC HIỆN",
] as const;
const ROMAN = ["I", "II", "III", "IV", "V", "VI"] as const;

/** The guidance letter on self-assessment for the level (facts in the catalogue's documents). */
const GUIDANCE: Readonly<Record<SchoolLevel, string>> = {
  "mam-non": "5942/BGDĐT-QLCL",
  "tieu-hoc": "5932/BGDĐT-QLCL",
  "trung-hoc": "5932/BGDĐT-QLCL",
};

const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/** "Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018 của Bộ Giáo dục và Đào tạo ban hành …" from facts only. */
export function citation(doc: CitedDocument): string {
  const date = doc.date ? ` ngày ${formatDate(doc.date)}` : "";
  const subject = doc.subject ? ` ${lowerFirst(doc.subject.replace(/^Về\s+/i, "về "))}` : "";
  return `${doc.type} số ${doc.number}${date} của ${doc.issuer}${subject}`;
}

function paragraph(
  role: ParagraphRole,
  text: string | readonly Run[],
  pt: number,
  extra: Partial<Omit<Paragraph, "kind" | "role" | "runs" | "pt">> & {
    bold?: boolean;
    italic?: boolean;
  } = {}
): Paragraph {
  const { bold, italic, ...rest } = extra;
  const runs: Run[] =
    typeof text === "string"
      ? [{ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) }]
      : [...text];
  return { kind: "paragraph", role, runs, pt, ...rest };
}

const center = (
  role: ParagraphRole,
  text: string,
  pt: number,
  style: { bold?: boolean; italic?: boolean } = {}
) => paragraph(role, text, pt, { align: "center" as Align, afterPt: 0, ...style });

function layoutTable(rows: readonly (readonly Cell[])[], widths: readonly number[]): Table {
  return {
    kind: "table",
    role: "layout",
    borders: false,
    widths,
    headerRows: 0,
    rows,
    rowKinds: rows.map((): TableRowKind => "layout"),
  };
}

export function buildStandardPlan(options: StandardPlanOptions): DocumentModel {
  const profile = options.profile ?? ND30_PROFILE;
  const { level, year, framework } = options;
  const parts = profile.parts;
  const school =
    options.school?.trim() ||
    `Trường ${SCHOOL_LEVEL_NAME[level].toLowerCase().split(" (")[0]} [tên trường]`;
  const schoolUpper = school.toUpperCase();
  const authority = options.authority?.trim() || "[CƠ QUAN CHỦ QUẢN]";
  const place = options.place?.trim() || "[Địa danh]";
  const yearText = year.text;

  // Header block: issuing body on the left, Quốc hiệu and Tiêu ngữ on the right; number and date line below.
  const headerBlock = layoutTable(
    [
      [
        {
          paragraphs: [
            center("authority", authority.toUpperCase(), parts.authority.pt),
            center("school", schoolUpper, parts.school.pt, { bold: true }),
          ],
        },
        {
          paragraphs: [
            center("quocHieu", QUOC_HIEU, parts.quocHieu.pt, { bold: true }),
            paragraph(
              "tieuNgu",
              [{ text: TIEU_NGU, bold: true, underline: true }],
              parts.tieuNgu.pt,
              {
                align: "center",
                afterPt: 0,
              }
            ),
          ],
        },
      ],
      [
        { paragraphs: [center("number", "Số:      /KH-", parts.number.pt)] },
        {
          paragraphs: [
            center(
              "dateLine",
              `${place}, ngày     tháng     năm ${year.start}`,
              parts.dateLine.pt,
              {
                italic: true,
              }
            ),
          ],
        },
      ],
    ],
    [0.38, 0.62]
  );

  const blocks: Block[] = [headerBlock];
  if (framework.planForm)
    return formPlan(options, framework.planForm, headerBlock, school, profile);
  const { text, placeholder, headingLine } = writers(profile);
  const heading = (n: number) => headingLine(`${ROMAN[n]}. ${PLAN_SECTIONS[n]}`);

  blocks.push(
    paragraph("title", "KẾ HOẠCH", parts.title.pt, {
      bold: true,
      align: "center",
      beforePt: 12,
      afterPt: 0,
    }),
    paragraph("subtitle", `Cải tiến chất lượng giáo dục năm học ${yearText}`, parts.title.pt, {
      bold: true,
      align: "center",
      afterPt: 12,
    }),
    heading(0),
    text(
      "body",
      `1. Xây dựng kế hoạch cải tiến chất lượng giáo dục để thực hiện trong năm học ${yearText}, phát huy điểm mạnh, khắc phục điểm yếu đã chỉ ra trong báo cáo tự đánh giá.`
    ),
    text(
      "body",
      "2. Kế hoạch cụ thể, khả thi, phù hợp với điều kiện thực tế của nhà trường và địa phương."
    ),
    placeholder("Ghi thêm mục đích, yêu cầu của nhà trường"),
    heading(1)
  );
  const cited: string[] = [framework.circular, ...framework.amendedBy, GUIDANCE[level]];
  let n = 0;
  for (const number of cited) {
    const doc = CATALOGUE.documents.find((d) => d.number === number);
    if (!doc) continue;
    n++;
    blocks.push(text("body", `${n}. Căn cứ ${citation(doc)};`));
  }
  blocks.push(
    text("body", `${n + 1}. Báo cáo tự đánh giá năm học ${yearText} của nhà trường;`),
    placeholder("Ghi các căn cứ khác: kế hoạch năm học, chỉ đạo của địa phương …")
  );

  const table = planTable(options, profile);
  const closing: Block[] = [
    heading(3),
    placeholder(
      "Ghi các giải pháp chung: công tác chỉ đạo, tuyên truyền, nguồn kinh phí, kiểm tra, giám sát"
    ),
    heading(4),
    placeholder("Ghi đề xuất, kiến nghị với các cấp, nếu có"),
    heading(5),
    text("body", "1. Hiệu trưởng: chỉ đạo, kiểm tra, giám sát việc thực hiện kế hoạch."),
    text(
      "body",
      "2. Hội đồng tự đánh giá, các tổ chuyên môn, tổ văn phòng: thực hiện các nội dung được phân công trong kế hoạch."
    ),
    placeholder("Ghi nhiệm vụ của từng bộ phận, cá nhân"),
    text(
      "closing",
      `Trên đây là Kế hoạch cải tiến chất lượng giáo dục năm học ${yearText} của ${school.replace(/^Trường/, "trường")}./.`
    ),
    signatureBlock(profile),
  ];

  let settings: string | undefined;
  try {
    settings = serializeSettings({
      version: 1,
      level,
      frameworkId: framework.id,
      schoolYear: yearText,
    });
  } catch {
    settings = undefined;
  }
  return {
    profile,
    title: `Kế hoạch cải tiến chất lượng giáo dục năm học ${yearText}`,
    sections: [
      { orientation: "portrait", blocks },
      { orientation: "landscape", blocks: [heading(2), table] },
      { orientation: "portrait", blocks: closing },
    ],
    ...(settings ? { settings } : {}),
  };
}

/** Body paragraphs, placeholders and section headings in the profile's look. */
function writers(profile: FormatProfile) {
  const body = profile.bodyPt.preferred;
  const text = (role: ParagraphRole, t: string, extra = {}) =>
    paragraph(role, t, body, {
      align: "justify",
      indentFirstCm: profile.firstLineIndentCm,
      afterPt: profile.paragraphAfterPt,
      ...extra,
    });
  const placeholder = (t: string) => text("placeholder", `[${t}]`, { italic: true });
  const headingLine = (label: string) =>
    paragraph("heading", label, body, {
      bold: true,
      align: "justify",
      indentFirstCm: profile.firstLineIndentCm,
      beforePt: 6,
      afterPt: profile.paragraphAfterPt,
    });
  return { text, placeholder, headingLine };
}

/** "Nơi nhận" on the left, the principal's signature on the right. */
function signatureBlock(profile: FormatProfile): Table {
  const parts = profile.parts;
  return layoutTable(
    [
      [
        {
          paragraphs: [
            paragraph("noiNhanLabel", "Nơi nhận:", parts.noiNhanLabel.pt, {
              bold: true,
              italic: true,
              afterPt: 0,
            }),
            paragraph("noiNhanItem", "- Hội đồng tự đánh giá;", parts.noiNhanList.pt, {
              afterPt: 0,
            }),
            paragraph("noiNhanItem", "- CB, GV, NV nhà trường;", parts.noiNhanList.pt, {
              afterPt: 0,
            }),
            paragraph("noiNhanItem", "- Lưu: VT.", parts.noiNhanList.pt, { afterPt: 0 }),
          ],
        },
        {
          paragraphs: [
            center("signatureTitle", "HIỆU TRƯỞNG", parts.signature.pt, { bold: true }),
            center("cell", "", parts.signature.pt),
            center("cell", "", parts.signature.pt),
            center("cell", "", parts.signature.pt),
            center("signatureName", "[Họ và tên]", parts.signature.pt, { bold: true }),
          ],
        },
      ],
    ],
    [0.45, 0.55]
  );
}

/**
 * A plan on the circular's own form (Thông tư 57/2026's Biểu 2 Phụ lục V, as apps print it): the
 * sections I–VIII with their printed sub-items, the priority issues (Mục IV), the plan of
 * improvement items (Mục V, landscape) and the monitoring record (Mục VI, the two reviews printed),
 * each table with rows to fill marked "[Ghi …]"; the closing, recipients and signature as usual.
 */
function formPlan(
  options: StandardPlanOptions,
  form: PlanForm,
  headerBlock: Table,
  school: string,
  profile: FormatProfile
): DocumentModel {
  const { year, framework } = options;
  const parts = profile.parts;
  const { text, placeholder, headingLine } = writers(profile);
  const heading = (numeral: string, title: string) => headingLine(`${numeral}. ${title}`);
  const previous = `${year.start - 1}-${year.start}`;
  // What the form prints under a heading, with the school's own facts where KHCT has them.
  const filled = (line: string): string | null =>
    /^\(\d\. .*nếu có\)$/.test(line)
      ? null // "(4. căn cứ khác, nếu có)": the placeholder below says it
      : line
          .replace(/^1\. Tên cơ sở giáo dục$/, `1. Tên cơ sở giáo dục: ${school}`)
          .replace(/^2\. Loại hình$/, "2. Loại hình: [Ghi loại hình: công lập, tư thục …]")
          .replace(/^3\. Địa chỉ$/, "3. Địa chỉ: [Ghi địa chỉ]")
          .replace(
            /^1\. Báo cáo tự đánh giá năm học …$/,
            `1. Báo cáo tự đánh giá năm học ${previous};`
          );
  const table = (columns: readonly string[], rows: string[][]) =>
    planTableModel(
      [[...columns], ...rows],
      [],
      1,
      columns.map(() => null),
      profile
    );
  const P = FORM_PLACEHOLDERS;
  const issuesRows = Array.from({ length: 3 }, (_, i) => [
    String(i + 1),
    P.standard,
    P.criterion,
    P.currentState,
    P.weakness,
    P.cause,
  ]);
  const planRows = Array.from({ length: 3 }, (_, i) => [
    String(i + 1),
    P.content,
    P.target,
    P.solution,
    P.indicator,
    `Trong năm học ${year.text}`,
    P.responsible,
    P.resources,
    P.evidence,
    "",
  ]);
  const monitoringRows = form.monitoringTimes.map((when) => [
    when,
    P.monitored,
    "",
    "",
    P.assessor,
  ]);
  const before: Block[] = [
    headerBlock,
    paragraph("title", "KẾ HOẠCH", parts.title.pt, {
      bold: true,
      align: "center",
      beforePt: 12,
      afterPt: 0,
    }),
    paragraph("subtitle", `Cải tiến chất lượng giáo dục năm học ${year.text}`, parts.title.pt, {
      bold: true,
      align: "center",
      afterPt: 12,
    }),
    text(
      "placeholder",
      `(Theo mẫu ${form.name} Thông tư ${framework.circular} như các ứng dụng của trường in lại; KHCT chưa đối chiếu văn bản chính thức)`,
      { italic: true }
    ),
  ];
  const sections: { orientation: "portrait" | "landscape"; blocks: Block[] }[] = [
    { orientation: "portrait", blocks: before },
  ];
  let current = before;
  for (const section of form.sections) {
    const head = heading(section.numeral, section.heading);
    if (section.table === "planTable") {
      // The plan table is wide: a landscape section of its own.
      current = [head, table(form.planColumns, planRows)];
      sections.push({ orientation: "landscape", blocks: current });
      current = [];
      sections.push({ orientation: "portrait", blocks: current });
      continue;
    }
    current.push(head);
    for (const line of section.content) {
      const written = filled(line);
      if (written !== null) current.push(text("body", written));
    }
    if (section.numeral === "II") current.push(placeholder("Ghi các căn cứ khác, nếu có"));
    if (section.table === "issuesTable") {
      current.push(table(form.issuesColumns, issuesRows));
      current.push(text("body", `Lưu ý: ${form.rule}.`, { italic: true }));
    }
    if (section.table === "monitoringTable")
      current.push(table(form.monitoringColumns, monitoringRows));
  }
  current.push(
    text(
      "closing",
      `Trên đây là Kế hoạch cải tiến chất lượng giáo dục năm học ${year.text} của ${school.replace(/^Trường/, "trường")}./.`
    ),
    signatureBlock(profile)
  );
  return {
    profile,
    title: `Kế hoạch cải tiến chất lượng giáo dục năm học ${year.text}`,
    sections,
    settings: serializeSettings({
      version: 1,
      level: options.level,
      frameworkId: framework.id,
      schoolYear: year.text,
    }),
  };
}

/** The plan table: standard header, section rows, standard rows, a row per criterion left to fill. */
function planTable(options: StandardPlanOptions, profile: FormatProfile): Table {
  const layout = layoutById(options.layout ?? "standard");
  const { framework } = options;
  const templates: RowTemplate[] = criteria(framework).map((c) => {
    const standardId = c.id.split(".")[0] ?? "";
    return {
      kind: "criterion",
      id: c.id,
      standardId,
      target: 1,
      values: {
        criterion: c.title ? `Tiêu chí ${c.id}: ${c.title}` : `Tiêu chí ${c.id}`,
        standard: standardId,
      },
    };
  });
  const level4 = framework.level4;
  if (layout.groupRows && level4 && level4.count !== null)
    for (const c of level4.criteria)
      templates.push({
        kind: "level4",
        id: c.id,
        target: 4,
        values: { criterion: `Tiêu chí ${c.id}` },
      });
  const made = newPlanTable(layout, templates, framework);
  const rows = made.rows.map((r) => [...r]);
  const merged = new Map(made.merged.map((m) => [m.row, m.from]));
  // A MỨC 4 list whose size the catalogue does not know: the section row and one row to fill.
  if (layout.groupRows && level4 && level4.count === null) {
    const section = Array.from({ length: createdColumns(layout).length }, () => "");
    section[0] = SECTION_TEXT.level4;
    merged.set(rows.length, 0);
    rows.push(
      section,
      Array.from({ length: createdColumns(layout).length }, () => "")
    );
  }
  return planTableModel(
    rows,
    [...merged].map(([row, from]) => ({ row, from })),
    made.headerRows,
    createdColumns(layout).map((c) => c.role),
    profile
  );
}

/**
 * A plan table as rows of text (what newPlanTable and the fill compute) into the document model:
 * header, section and standard rows bold, merged rows spanning, widths from the profile.
 */
export function planTableModel(
  rows: readonly (readonly string[])[],
  mergedRows: readonly { readonly row: number; readonly from: number }[],
  headerRows: number,
  roles: readonly (ColumnRole | null)[],
  profile: FormatProfile = ND30_PROFILE
): Table {
  const merged = new Map(mergedRows.map((m) => [m.row, m.from]));
  const pt = profile.tablePt.preferred;
  let inLevel4 = false;
  const kinds: TableRowKind[] = rows.map((r, i) => {
    if (i < headerRows) return "header";
    const first = r.find((t) => t.trim()) ?? "";
    if (first === SECTION_TEXT.levels123 || first === SECTION_TEXT.level4) {
      inLevel4 = first === SECTION_TEXT.level4;
      return "section";
    }
    if (/^Tiêu chuẩn \d/.test(first)) return "standard";
    if (!first) return "blank";
    return inLevel4 ? "level4" : "criterion";
  });
  const cells = rows.map((row, i) => {
    const kind = kinds[i];
    const bold = kind === "header" || kind === "section" || kind === "standard";
    const from = merged.get(i);
    const line = (t: string, align: Align) => paragraph("cell", t, pt, { bold, align, afterPt: 0 });
    const out: Cell[] = [];
    for (let c = 0; c < row.length; c++) {
      const role = roles[c];
      const align: Align =
        kind === "header" || kind === "section" || role === "tt" ? "center" : "left";
      if (from !== undefined && c === from) {
        out.push({
          paragraphs: [
            line(row.slice(from).find((t) => t) ?? "", kind === "section" ? "left" : align),
          ],
          colSpan: row.length - from,
        });
        break;
      }
      out.push({ paragraphs: (row[c] ?? "").split("\n").map((t) => line(t, align)) });
    }
    return out;
  });
  return {
    kind: "table",
    role: "plan",
    borders: true,
    widths: columnFractions(profile, roles),
    roles,
    headerRows,
    rows: cells,
    rowKinds: kinds,
  };
}
