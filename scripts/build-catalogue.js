// Builds KHCT's catalogue data (src/core/catalogue/data/frameworks.json) from the repository's copy
// of the reference transcription of the circulars, reference/catalogue (or KHCT_REFERENCE_DIR);
// `npm run reference:refresh` updates that copy from the steering folder when a checkout has one.
//
// Text is copied exactly (NFC); nothing is invented: a gap in the reference stays a null and is
// listed in the framework's `gaps`. test/unit/catalogue/reference.test.ts checks that the committed
// data still matches the reference. Run: npm run catalogue:build

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const REFERENCE_DIR = process.env.KHCT_REFERENCE_DIR || path.join(ROOT, "reference/catalogue");
const OUT = path.join(ROOT, "src/core/catalogue/data/frameworks.json");

const nfc = (value) => (typeof value === "string" ? value.normalize("NFC") : value);
const read = (name) => JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, name), "utf8"));

function indicators(list) {
  if (list === null || list === undefined) return null;
  return list.map((item) => ({
    key: item.key === null ? null : nfc(item.key),
    text: nfc(item.text),
  }));
}

function criterion(c, extra = {}) {
  const levels = { 1: indicators(c.levels["1"]), 2: indicators(c.levels["2"]) };
  if ("3" in c.levels) levels[3] = indicators(c.levels["3"]);
  const out = {
    id: c.id,
    title: nfc(c.title),
    levels,
    maxLevel: levels[3] ? 3 : 2,
    // Room for an amending circular: { by, current: levels, original: levels }.
    amendment: c.amended ?? null,
    ...extra,
  };
  if (c.flags) out.flags = nfc(c.flags);
  // Indicators repealed or suspended by later circulars (TT22/2024, TT29/2021), the 2018 text kept.
  if (Array.isArray(c.amendments) && c.amendments.length > 0)
    out.changes = c.amendments
      .filter((a) => a.action === "repealed" || a.action === "suspended")
      .map((a) => ({
        by: nfc(a.by),
        effective: a.effective,
        action: a.action,
        level: Number(a.level),
        keys: a.keys.map(nfc),
        confidence: a.confidence,
      }));
  return out;
}

const SUCCESSOR = {
  circular: "57/2026/TT-BGDĐT",
  date: "2026-07-07",
  verified: false,
  // The only transition text seen concerns quantitative data until 31/12/2028; until when a school
  // may keep planning under the 2018 circulars is not known (NOTES.md, "Transition question").
  oldFrameworkUsableUntil: null,
};

function framework2018(file, id) {
  const d = read(file);
  return {
    id,
    circular: d.circular,
    issuedDate: d.issuedDate,
    title: nfc(d.title),
    issuer: nfc(d.issuer),
    schoolLevels: [d.schoolLevel],
    amendedBy: d.amendedBy,
    replaces: [],
    supersededBy: SUCCESSOR,
    textVersion: nfc(d.textVersion),
    verified: true,
    levelCount: 3,
    standards: d.standards.map((s) => ({
      id: s.id,
      title: nfc(s.title),
      criteria: s.criteria.map((c) => criterion(c)),
    })),
    level4:
      d.level4 === null
        ? { count: null, criteria: [] }
        : {
            count: d.level4.length,
            criteria: d.level4.map((l) => ({ id: l.id, text: nfc(l.text) })),
          },
    gaps: d.gaps.map(nfc),
  };
}

function framework2026(set, id, schoolLevels) {
  const d = read("tt57-2026.json");
  const s = d.sets[set];
  return {
    id,
    circular: d.circular,
    issuedDate: d.date,
    title: nfc(d.title),
    issuer: nfc(d.issuer),
    schoolLevels,
    annex: s.annex,
    amendedBy: [],
    replaces: d.replaces,
    supersededBy: null,
    textVersion:
      "Phụ lục " +
      s.annex +
      " (transcribed from third-party files; not verified against the official text)",
    verified: false,
    levelCount: 2,
    standards: s.standards.map((st) => ({
      id: st.id,
      title: nfc(st.title),
      criteria: st.criteria.map((c) => criterion(c, { mandatory: Boolean(c.mandatory) })),
    })),
    level4: null,
    gaps: d.gaps.map(nfc),
    planForm: planForm(d.improvementPlanFormReported),
  };
}

/**
 * The circular's improvement-plan form as apps print it (Biểu 2 Phụ lục V): sections with their
 * printed sub-items, the three tables' columns, the status values, the monitoring times, the rule.
 */
function planForm(f) {
  return {
    name: nfc(f.form),
    status: nfc(f.status),
    rule: nfc(f.rule),
    sections: f.sections.map((s) => ({
      numeral: s.section,
      heading: nfc(s.heading),
      content: (s.content ?? []).map(nfc),
      ...(s.table ? { table: s.table } : {}),
    })),
    issuesColumns: f.issuesTable.columns.map(nfc),
    planColumns: f.planTable.columns.map(nfc),
    monitoringColumns: f.monitoringTable.columns.map(nfc),
    statusValues: f.planTable.statusValues.map(nfc),
    monitoringTimes: f.monitoringTable.fixedRows.map(nfc),
  };
}

/** The documents plans cite (references.json), with how far their facts can be trusted. */
function documents() {
  return read("references.json").documents.map((d) => {
    const status = String(d.status || "");
    const weak = /UNVERIFIED|weak|single/i.test(status);
    return {
      number: d.number,
      type: nfc(d.type),
      date: d.date || null,
      issuer: nfc(d.issuer || ""),
      subject: d.subject ? nfc(d.subject) : null,
      // A date from a single or weak source is shown, but a differing citation is only a hint.
      confirmed: !weak,
    };
  });
}

function build() {
  const frameworks = [
    framework2018("tt17-tieu-hoc.json", "tt17-2018"),
    framework2018("tt18-trung-hoc.json", "tt18-2018"),
    framework2018("tt19-mam-non.json", "tt19-2018"),
    framework2026("mam-non", "tt57-2026-mam-non", ["mam-non"]),
    framework2026("pho-thong", "tt57-2026-pho-thong", ["tieu-hoc", "trung-hoc"]),
  ];
  return { source: "reference/catalogue", frameworks, documents: documents() };
}

module.exports = { build, REFERENCE_DIR };

if (require.main === module) {
  const data = build();
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(data, null, 1) + "\n");
  console.log(`${path.relative(ROOT, OUT)}: ${data.frameworks.map((f) => f.id).join(", ")}`);
}
