/**
 * Message templates: `{name}` placeholders, and `{name, plural, one {…} other {…}}` choosing words
 * by the number (`#` stands for it) through Intl.PluralRules of the message's language. Vietnamese
 * has no plural forms (its rules have the single category "other"); English has "one" and "other".
 */
export type Locale = "vi" | "en";

const PLURAL = /\{(\w+), plural,((?:\s*[a-z]+\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /([a-z]+)\s*\{([^{}]*)\}/g;
const RULES: Partial<Record<Locale, Intl.PluralRules>> = {};

function pluralRules(locale: Locale): Intl.PluralRules {
  return (RULES[locale] ??= new Intl.PluralRules(locale));
}

/** Fills a template; a placeholder without a value is left as written. */
export function fill(
  template: string,
  values: Readonly<Record<string, string>>,
  locale: Locale
): string {
  return template
    .replace(PLURAL, (whole, name: string, branches: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1], m[2] ?? ""]));
      const chosen =
        forms.get(pluralRules(locale).select(Number(value))) ?? forms.get("other") ?? "";
      return chosen.replace(/#/g, value);
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The names a template fills (`{n}` and `{n, plural, …}` alike). */
export function placeholders(template: string): string[] {
  return [
    ...new Set(
      [...template.replace(PLURAL, "{$1}").matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)
    ),
  ].sort();
}
