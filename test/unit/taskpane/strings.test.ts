import { errorMessage } from "../../../src/taskpane/errors";
import { readOfficeFile } from "../../../src/hosts/file/read";
import { format, localeFromDisplayLanguage, STRINGS } from "../../../src/taskpane/strings";

describe("strings", () => {
  it("has every string in both languages, none empty", () => {
    const keys = Object.keys(STRINGS.vi).sort();
    expect(Object.keys(STRINGS.en).sort()).toEqual(keys);
    for (const locale of ["vi", "en"] as const) {
      for (const key of keys)
        expect(STRINGS[locale][key as keyof typeof STRINGS.vi].trim()).not.toBe("");
    }
  });

  it("keeps the same placeholders in both languages", () => {
    // `{n}` and `{n, plural, one {…} other {…}}` name the same value.
    const placeholders = (s: string) =>
      [
        ...new Set(
          [
            ...s
              .replace(/\{(\w+), plural,(?:\s*[a-z]+\s*\{[^{}]*\})+\s*\}/g, "{$1}")
              .matchAll(/\{(\w+)\}/g),
          ].map((m) => m[1])
        ),
      ].sort();
    for (const key of Object.keys(STRINGS.vi) as (keyof typeof STRINGS.vi)[]) {
      expect(placeholders(STRINGS.en[key])).toEqual(placeholders(STRINGS.vi[key]));
    }
  });

  it("stores Vietnamese in NFC", () => {
    for (const value of Object.values(STRINGS.vi)) expect(value).toBe(value.normalize("NFC"));
  });

  it.each([
    ["en-US", "en"],
    ["en-GB", "en"],
    ["vi-VN", "vi"],
    ["fr-FR", "vi"],
    [null, "vi"],
  ])("display language %s -> %s", (lang, locale) =>
    expect(localeFromDisplayLanguage(lang)).toBe(locale)
  );

  it("chooses English words by the number (Intl.PluralRules); Vietnamese, which has no plural forms, never needs to", () => {
    expect(format(STRINGS.en.fixDone, { written: "1" })).toBe("Fixed 1 cell.");
    expect(format(STRINGS.en.fixDone, { written: "3" })).toBe("Fixed 3 cells.");
    expect(format(STRINGS.en.fillDone, { rows: "1", cells: "0" })).toBe(
      "Added 1 row and filled 0 cells."
    );
    expect(format(STRINGS.en.proposalsUnassessed, { count: "1" })).toBe(
      "1 criterion has no result, so nothing is proposed for it."
    );
    expect(format(STRINGS.vi.fixDone, { written: "1" })).toBe("Đã sửa 1 ô.");
    expect(new Intl.PluralRules("vi").resolvedOptions().pluralCategories).toEqual(["other"]);
    for (const value of Object.values(STRINGS.vi)) expect(value).not.toMatch(/, plural,/);
    // Every English plural names "other", and leaves no brace behind once filled.
    for (const value of Object.values(STRINGS.en)) {
      for (const m of value.matchAll(/\{(\w+), plural,/g)) {
        for (const n of ["0", "1", "2", "21"]) {
          const filled = format(value, { [m[1] as string]: n });
          expect(filled).not.toMatch(new RegExp(`\\{${m[1]}`));
        }
      }
    }
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(format("a {x} {y}", { x: "1" })).toBe("a 1 {y}");
  });

  it("says why a file cannot be read in the pane's language", async () => {
    const broken = Uint8Array.from("PK not really a zip", (c) => c.charCodeAt(0));
    const error: unknown = await readOfficeFile(broken).catch((e: unknown) => e);
    expect(errorMessage(error, STRINGS.en)).toMatch(
      /^The file is damaged and cannot be unpacked: the file is cut short or its structure is broken/
    );
    expect(errorMessage(error, STRINGS.vi)).toMatch(
      /^Tệp bị hỏng, không giải nén được: tệp bị cắt cụt/
    );
    expect(errorMessage(error, STRINGS.vi)).toBe((error as Error).message);
  });
});
