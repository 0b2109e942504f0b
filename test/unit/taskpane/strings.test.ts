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
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
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

  it("fills placeholders and leaves unknown ones", () => {
    expect(format("a {x} {y}", { x: "1" })).toBe("a 1 {y}");
  });
});
