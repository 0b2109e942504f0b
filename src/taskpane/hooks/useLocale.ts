import { useCallback, useState } from "react";
import { Locale } from "../strings";

const STORAGE_KEY = "khct.locale";

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === "vi" || value === "en" ? value : null;
  } catch {
    return null; // storage can be blocked (private mode, some Office webviews)
  }
}

/**
 * The pane's language: the user's own choice, remembered on this machine (never in the shared
 * document), else the one derived from Office's display language.
 */
export function useLocale(fromHost: Locale): [Locale, (locale: Locale) => void] {
  const [locale, setLocale] = useState<Locale>(() => storedLocale() ?? fromHost);
  const choose = useCallback((next: Locale) => {
    setLocale(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the choice then lasts for this session only
    }
  }, []);
  return [locale, choose];
}
