import * as React from "react";
import { Select, useId } from "@fluentui/react-components";
import { useStrings } from "../hooks/useStrings";
import type { Locale } from "../strings";

export interface LanguageSwitchProps {
  readonly locale: Locale;
  readonly onChange: (locale: Locale) => void;
}

export function LanguageSwitch({ locale, onChange }: LanguageSwitchProps): React.JSX.Element {
  const s = useStrings();
  const id = useId("language");
  return (
    <>
      <label htmlFor={id} className="khct-visually-hidden">
        {s.languageLabel}
      </label>
      <Select
        id={id}
        size="small"
        appearance="underline"
        value={locale}
        onChange={(_, data) => onChange(data.value === "en" ? "en" : "vi")}
      >
        <option value="vi">{s.languageVi}</option>
        <option value="en">{s.languageEn}</option>
      </Select>
    </>
  );
}
