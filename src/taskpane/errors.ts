import { render, type Said } from "../core/messages";
import { describeError } from "../hosts/officeErrors";
import { STRINGS, type Strings } from "./strings";

/**
 * An error as the pane shows it, in the language of `strings`: Office's by their code, with what to
 * do; KHCT's own said as a message id (a file it cannot read) in that language, others by their
 * message.
 */
export function errorMessage(error: unknown, strings: Strings = STRINGS.vi): string {
  const locale = strings === STRINGS.en ? "en" : "vi";
  const said = (error as { said?: Said } | null)?.said;
  if (error instanceof Error && said) return render(said, locale);
  return describeError(error, locale);
}
