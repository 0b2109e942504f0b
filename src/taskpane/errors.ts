import { describeError } from "../hosts/officeErrors";
import { STRINGS, type Strings } from "./strings";

/**
 * An error as the pane shows it, in the language of `strings`: Office's by their code, with what to
 * do; KHCT's own in that language where they carry their texts (a file it cannot read), others by
 * their message. (The shell loads this: it reads no message table, so the table stays out of the
 * first chunk.)
 */
export function errorMessage(error: unknown, strings: Strings = STRINGS.vi): string {
  const locale = strings === STRINGS.en ? "en" : "vi";
  const texts = (error as { texts?: { vi?: unknown; en?: unknown } } | null)?.texts;
  if (error instanceof Error && texts && typeof texts[locale] === "string")
    return texts[locale] as string;
  return describeError(error, locale);
}
