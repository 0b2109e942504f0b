import { createContext, useContext, useEffect, useRef } from "react";
import { Locale, STRINGS, Strings } from "../strings";

export const LocaleContext = createContext<Locale>("vi");

/** The strings of the pane's current language. */
export function useStrings(): Strings {
  return STRINGS[useContext(LocaleContext)];
}

/**
 * The current strings for callbacks that read the document: taken when the message is written, not
 * a dependency of the read — switching the language does not read the document again.
 */
export function useStringsRef(): { readonly current: Strings } {
  const s = useStrings();
  const ref = useRef(s);
  useEffect(() => {
    ref.current = s;
  }, [s]);
  return ref;
}
