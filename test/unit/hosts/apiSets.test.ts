/**
 * Every Office API the hosts call, with its requirement set — read from the `[Api set: …]` tags of
 * @types/office-js by the TypeScript checker, not by hand — is within the set declared for the
 * feature that uses it (src/hosts/requirements.ts): the host's floor ("core"), or the feature
 * whose check gates the call. A new call above its feature's set fails here (issue 17).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { REQUIREMENTS, type FeatureId } from "../../../src/hosts/requirements";
import { WORD_GATES, EXCEL_GATES, REACHED_THROUGH } from "../../fakes/gates";

const ROOT = path.resolve(__dirname, "../../..");
const HOST_FILES = ["src/hosts/word", "src/hosts/excel"]
  .flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).map((f) => path.join(ROOT, dir, f)))
  .concat([path.join(ROOT, "src/hosts/changes.ts")]);

interface Use {
  /** "Excel.Range.values" */
  readonly api: string;
  /** "ExcelApi 1.1", or null for members of the common base (load, items, sync…). */
  readonly set: string | null;
  readonly files: Set<string>;
}

/** The Office API members the host files touch, with their sets, from the type checker. */
function officeUses(): Map<string, Use> {
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config,
    ts.sys,
    ROOT
  );
  const program = ts.createProgram(HOST_FILES, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses = new Map<string, Use>();
  for (const file of HOST_FILES) {
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const declaration = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        if (declaration?.getSourceFile().fileName.includes("@types/office-js")) {
          // The class (or interface) and the namespace the member is declared in.
          let owner: ts.Node | undefined = declaration.parent;
          while (
            owner &&
            !ts.isClassDeclaration(owner) &&
            !ts.isInterfaceDeclaration(owner) &&
            !ts.isModuleDeclaration(owner)
          )
            owner = owner.parent;
          let namespace: ts.Node | undefined = owner?.parent;
          while (namespace && !ts.isModuleDeclaration(namespace)) namespace = namespace.parent;
          if (owner && ts.isModuleDeclaration(owner)) {
            namespace = owner;
            owner = undefined;
          }
          const api = [
            namespace && ts.isModuleDeclaration(namespace) ? namespace.name.getText() : "?",
            ...(owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner))
              ? [owner.name?.getText() ?? "?"]
              : []),
            node.name.getText(),
          ].join(".");
          const tag = /\[Api set: (\w+) (\d+\.\d+)/.exec(declaration.getFullText());
          const use = uses.get(api) ?? {
            api,
            set: tag ? `${tag[1]} ${tag[2]}` : null,
            files: new Set<string>(),
          };
          use.files.add(path.relative(ROOT, file));
          uses.set(api, use);
        }
      }
      ts.forEachChild(node, visit);
    };
    const source = program.getSourceFile(file);
    if (source) visit(source);
  }
  return uses;
}

/** Members every client object has, with no set of their own. */
const BASE = new Set([
  "load",
  "items",
  "sync",
  "value",
  "isNullObject",
  "add",
  "track",
  "toJSON",
  // The request context's roots and the batch runner: every set has them.
  "run",
  "document",
  "workbook",
]);

/**
 * Where a call above the host's floor is gated, and by what: a feature of REQUIREMENTS (the pane
 * builds the host without it, or hides the button, when Office lacks its sets), or a runtime
 * check of a set. Files: the Excel format host exists only with "pageSetup" (ExcelApi 1.9).
 */
const GATED_FILES: Readonly<Record<string, FeatureId>> = {
  "src/hosts/excel/format.ts": "pageSetup",
};
const GATED: Readonly<Record<string, FeatureId | { readonly checked: string }>> = {
  "Word.Document.onParagraphAdded": "changeEvents",
  "Word.Document.onParagraphChanged": "changeEvents",
  "Word.Document.onParagraphDeleted": "changeEvents",
  "Word.Body.getComments": "comments",
  "Word.Comment.content": "comments",
  "Word.Range.insertComment": "comments",
  "Word.Section.pageSetup": "pageSetup",
  "Word.PageSetup.topMargin": "pageSetup",
  "Word.PageSetup.bottomMargin": "pageSetup",
  "Word.PageSetup.leftMargin": "pageSetup",
  "Word.PageSetup.rightMargin": "pageSetup",
  "Excel.Workbook.comments": "comments",
  "Excel.CommentCollection.add": "comments",
  "Excel.Comment.getLocation": "comments",
  "Excel.Range.getMergedAreasOrNullObject": "readMerges",
  "Excel.RangeAreas.areas": "readMerges",
  "Excel.WorksheetCollection.onChanged": { checked: "ExcelApi 1.9" },
};

const version = (set: string) => Number(set.split(" ")[1]?.split(".")[1] ?? 0);
const name = (set: string) => set.split(" ")[0] ?? "";
const covers = (declared: string, needed: string) =>
  name(declared) === name(needed) && version(declared) >= version(needed);

describe("Office API sets of the hosts", () => {
  const uses = officeUses();
  const hostOf = (api: string) => (api.startsWith("Word.") ? "word" : "excel");
  const floor = (host: "word" | "excel") =>
    REQUIREMENTS[host]
      .find((r) => r.feature === "core")
      ?.sets.map((s) => `${s.name} ${s.minVersion}`) ?? [];
  const featureSets = (host: "word" | "excel", feature: FeatureId) =>
    REQUIREMENTS[host]
      .find((r) => r.feature === feature)
      ?.sets.map((s) => `${s.name} ${s.minVersion}`) ?? [];

  it("finds the calls (a sanity check of the reading itself)", () => {
    expect(uses.get("Excel.Range.values")?.set).toBe("ExcelApi 1.1");
    expect(uses.get("Word.Body.getOoxml")?.set).toBe("WordApi 1.1");
    expect(uses.get("Excel.WorksheetCollection.onChanged")?.set).toBe("ExcelApi 1.9");
    expect(uses.size).toBeGreaterThan(100);
  });

  it("every call is within its host's floor, or gated by a feature whose declared set covers it", () => {
    const problems: string[] = [];
    for (const use of uses.values()) {
      if (use.api.startsWith("OfficeExtension.")) continue;
      if (use.set === null) {
        // Untagged members of an object reached through a gated call share that call's set.
        const reached = REACHED_THROUGH[use.api.split(".").slice(0, 2).join(".")];
        if (!BASE.has(use.api.split(".").pop() ?? "") && !reached)
          problems.push(`${use.api}: no [Api set] tag`);
        continue;
      }
      const host = hostOf(use.api);
      if (floor(host).some((f) => covers(f, use.set as string))) continue;
      const gate = GATED[use.api];
      const fileGates = [...use.files].map((f) => GATED_FILES[f]);
      const ok =
        (typeof gate === "string" &&
          featureSets(host, gate).some((s) => covers(s, use.set as string))) ||
        (typeof gate === "object" && covers(gate.checked, use.set)) ||
        (fileGates.every((g) => g !== undefined) &&
          fileGates.every((g) =>
            featureSets(host, g as FeatureId).some((s) => covers(s, use.set as string))
          ));
      if (!ok) problems.push(`${use.api} (${use.set}) in ${[...use.files].join(", ")}`);
    }
    expect(problems).toEqual([]);
  });

  it("the fakes refuse, on an older client, every call above the floor that the hosts make (test/fakes/gates.ts)", () => {
    const gates: Readonly<Record<string, string>> = { ...WORD_GATES, ...EXCEL_GATES };
    const aboveFloor = [...uses.values()]
      .filter((u) => u.set && !u.api.startsWith("OfficeExtension."))
      .filter((u) => !floor(hostOf(u.api)).some((f) => covers(f, u.set as string)));
    const owner = (api: string) => api.split(".").slice(0, 2).join(".");
    const ungated = aboveFloor
      .filter((u) => gates[u.api] === undefined)
      .filter((u) => {
        const through = REACHED_THROUGH[owner(u.api)];
        return !through || gates[through] === undefined;
      })
      .map((u) => `${u.api} ${u.set}`);
    expect(ungated).toEqual([]);
    // Each gate is the set @types/office-js gives the member (for the gates the hosts reach).
    const wrong = Object.entries(gates)
      .filter(([api]) => uses.has(api))
      .filter(([api, set]) => uses.get(api)?.set !== set)
      .map(([api, set]) => `${api}: gate ${set}, tagged ${uses.get(api)?.set}`);
    expect(wrong).toEqual([]);
  });
});
