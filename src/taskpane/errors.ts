import { describeError } from "../hosts/officeErrors";
import { STRINGS, type Strings } from "./strings";

/**
 * An error as the pane shows it, in the language of `strings`: Office's by their code, with what to
 * do; KHCT's own by their message.
 */
export function errorMessage(error: unknown, strings: Strings = STRINGS.vi): string {
  return describeError(error, strings === STRINGS.en ? "en" : "vi");
}
