import * as React from "react";
import { createRoot } from "react-dom/client";
import type { HostAdapter } from "../hosts/adapter";
import { createExcelAdapter } from "../hosts/excel/excelAdapter";
import { detectHost, type HostInfo } from "../hosts/office";
import { createWordAdapter } from "../hosts/word/wordAdapter";
import { App } from "./components/App";

/** The adapter for the running host; none outside Office or when Office lacks the essential API sets. */
function adapterFor(info: HostInfo): HostAdapter | null {
  if (info.gaps.some((gap) => gap.essential)) return null;
  if (info.kind === "word") return createWordAdapter();
  if (info.kind === "excel") return createExcelAdapter();
  return null;
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  void detectHost().then((info) => root.render(<App info={info} adapter={adapterFor(info)} />));
}
