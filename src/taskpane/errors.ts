import { describeError } from "../hosts/officeErrors";

/** An error as the pane shows it: Office's by their code, in Vietnamese with what to do; KHCT's own by their message. */
export function errorMessage(error: unknown): string {
  return describeError(error);
}
