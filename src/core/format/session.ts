/**
 * What the "Định dạng" panel works on, host-independent: from the look an adapter read, the plan
 * table's target, the text normalisations, the missing administrative parts, the list of changes
 * for the preview and the plan the adapter applies.
 */
import { criteria } from "../catalogue/catalogue";
import type { Framework } from "../catalogue/types";
import { ROLES, staffList, staffOf } from "../tracking/staff";
import { analyseTables, identityTexts, type FoundTable } from "../plan/session";
import { documentParts } from "./documentParts";
import { normalizations } from "./normalize";
import {
  bodySizeTargets,
  formatChanges,
  missingPartChanges,
  tableFormatTarget,
  type FormatChange,
  type FormatFacts,
  type FormatPlan,
  type ParagraphLook,
  type TableFormatTarget,
} from "./planFormat";
import { ND30_PROFILE, type FormatProfile } from "./profile";

export interface FormatInput {
  readonly paragraphs: readonly ParagraphLook[];
  readonly tables: readonly FoundTable[];
  readonly tableFacts: Readonly<
    Record<
      string,
      Pick<FormatFacts, "tableFont" | "tablePt" | "headerRepeat" | "boldRows"> &
        Partial<Pick<FormatFacts, "widths" | "borders" | "mergedRows" | "extras" | "orientation">>
    >
  >;
  readonly marginsMm: FormatFacts["marginsMm"];
  readonly print: FormatFacts["print"];
  readonly pageSetupApi: boolean;
  /** A workbook holds tables, not a letter: the administrative parts (Quốc hiệu, Nơi nhận…) are not asked of it. */
  readonly workbook?: boolean;
}

export interface FormatSession {
  readonly target: TableFormatTarget | null;
  /** Changes KHCT makes (preview) and changes the user makes by hand. */
  readonly changes: readonly FormatChange[];
  readonly manual: readonly FormatChange[];
  readonly plan: FormatPlan;
}

export function formatSession(
  input: FormatInput,
  framework: Framework,
  host: "word" | "excel" | "file",
  profile: FormatProfile = ND30_PROFILE
): FormatSession {
  const tables = analyseTables(input.tables, framework);
  const plan = tables.find((t) => t.kind === "plan" && t.table);
  const edits = normalizations(tables);
  const target = plan ? tableFormatTarget(plan, profile, edits) : null;
  const facts = plan ? input.tableFacts[plan.key] : undefined;
  const bodyFonts = [
    ...new Set(input.paragraphs.filter((p) => p.text.trim()).map((p) => p.font ?? "(nhiều phông)")),
  ];
  const bodySizes = bodySizeTargets(input.paragraphs, profile);
  const all = formatChanges(
    {
      bodyFonts,
      bodySizes: [...new Set(bodySizes.map((s) => input.paragraphs[s.index]?.size ?? 0))],
      tableFont: facts?.tableFont ?? null,
      tablePt: facts?.tablePt ?? null,
      headerRepeat: facts?.headerRepeat ?? null,
      boldRows: facts?.boldRows ?? null,
      widths: facts?.widths ?? null,
      borders: facts?.borders ?? null,
      mergedRows: facts?.mergedRows ?? null,
      extras: facts?.extras ?? null,
      orientation: facts?.orientation ?? null,
      marginsMm: input.marginsMm,
      print: input.print,
    },
    target,
    profile,
    edits,
    host,
    input.pageSetupApi
  );
  const texts = identityTexts(
    input.paragraphs.map((p) => p.text),
    input.tables
  );
  const missing =
    host === "excel" || input.workbook ? [] : missingPartChanges(documentParts(texts).missing);
  return {
    target,
    changes: all.filter((c) => !c.manual),
    manual: [...all.filter((c) => c.manual), ...missing],
    plan: {
      font: profile.font,
      bodySizes,
      table: target,
      edits,
      lists: {
        criterion: criteria(framework).map((c) => `Tiêu chí ${c.id}`),
        responsible: [
          ...new Set([
            ...staffList(tables).map((p) => p.name),
            ...staffOf(
              tables.flatMap((t) =>
                t.kind === "plan" && t.table
                  ? t.table.rows.map((r) => r.cells.responsible?.text ?? "")
                  : []
              )
            ).map(({ person }) => [person.role, person.name].filter(Boolean).join(" ")),
            ...ROLES,
          ]),
        ],
      },
    },
  };
}
