/**
 * The Office API requirement sets KHCT needs, per host and per feature.
 *
 * The manifest cannot declare host-specific sets for a two-host add-in (a WordApi set in the base
 * manifest would keep the add-in out of Excel), so this table is the declaration: the task pane
 * checks it at start-up with `Office.context.requirements.isSetSupported` and explains, in the
 * user's language, which features an older Office cannot run.
 */

export type OfficeHostKind = "word" | "excel";

export interface RequirementSet {
  readonly name: string;
  readonly minVersion: string;
}

export type FeatureId =
  | "core"
  | "insertText"
  | "documentMetadata"
  | "fillTable"
  | "changeEvents"
  | "comments"
  | "readMerges"
  | "pageSetup";

export interface FeatureRequirement {
  readonly feature: FeatureId;
  /** All of these sets must be supported. */
  readonly sets: readonly RequirementSet[];
  /** When false, the add-in still works without the feature (it is hidden or explained). */
  readonly essential: boolean;
}

const set = (name: string, minVersion: string): RequirementSet => ({ name, minVersion });

export const REQUIREMENTS: Readonly<Record<OfficeHostKind, readonly FeatureRequirement[]>> = {
  word: [
    // Tables, custom document properties and OOXML of a range: the floor for every KHCT feature.
    { feature: "core", sets: [set("WordApi", "1.3")], essential: true },
    { feature: "insertText", sets: [set("WordApi", "1.1")], essential: true },
    { feature: "documentMetadata", sets: [set("WordApi", "1.3")], essential: true },
    { feature: "fillTable", sets: [set("WordApi", "1.3")], essential: true },
    // Paragraph added/changed/deleted events carry a Local/Remote source (content-control events, 1.5, need content controls).
    { feature: "changeEvents", sets: [set("WordApi", "1.6")], essential: false },
    { feature: "comments", sets: [set("WordApi", "1.4")], essential: false },
    // Merged cells come from the table's Office Open XML.
    { feature: "readMerges", sets: [set("WordApi", "1.1")], essential: false },
    // Page margins and orientation exist only on recent desktop Word (not on the web, not LTSC).
    { feature: "pageSetup", sets: [set("WordApiDesktop", "1.3")], essential: false },
  ],
  excel: [
    { feature: "core", sets: [set("ExcelApi", "1.7")], essential: true },
    { feature: "insertText", sets: [set("ExcelApi", "1.1")], essential: true },
    { feature: "documentMetadata", sets: [set("ExcelApi", "1.7")], essential: true },
    { feature: "fillTable", sets: [set("ExcelApi", "1.7")], essential: true },
    // Worksheet.onChanged and worksheets.onAdded are 1.7; the workbook-wide worksheets.onChanged
    // (1.9) is used only where isSetSupported says so (hosts/changes.ts).
    { feature: "changeEvents", sets: [set("ExcelApi", "1.7")], essential: false },
    { feature: "comments", sets: [set("ExcelApi", "1.10")], essential: false },
    // Without it, cells covered by a merge read as empty (the plan is still read and filled).
    { feature: "readMerges", sets: [set("ExcelApi", "1.13")], essential: false },
    { feature: "pageSetup", sets: [set("ExcelApi", "1.9")], essential: false },
  ],
};

export interface RequirementGap {
  readonly feature: FeatureId;
  readonly essential: boolean;
  readonly missing: readonly RequirementSet[];
}

/**
 * Which features the running Office cannot provide.
 * @param isSupported the host's check, e.g. `(n, v) => Office.context.requirements.isSetSupported(n, v)`
 */
export function findRequirementGaps(
  host: OfficeHostKind,
  isSupported: (name: string, minVersion: string) => boolean
): RequirementGap[] {
  const gaps: RequirementGap[] = [];
  for (const requirement of REQUIREMENTS[host]) {
    const missing = requirement.sets.filter((s) => !isSupported(s.name, s.minVersion));
    if (missing.length > 0) {
      gaps.push({ feature: requirement.feature, essential: requirement.essential, missing });
    }
  }
  return gaps;
}
