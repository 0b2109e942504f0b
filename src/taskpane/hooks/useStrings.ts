import { createContext, useContext } from "react";
import { Locale, STRINGS, Strings } from "../strings";

export const LocaleContext = createContext<Locale>("vi");

/** The strings of the pane's current language. */
export function useStrings(): Strings {
  return STRINGS[useContext(LocaleContext)];
}
