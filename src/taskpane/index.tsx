import * as React from "react";
import { createRoot } from "react-dom/client";
import type { CheckHost, FormatHost, HostAdapter, PlanTableHost } from "../hosts/adapter";
import { createExcelFormatHost } from "../hosts/excel/format";
import { createWordFormatHost } from "../hosts/word/format";
import {
  createExcelChangeWatcher,
  createWordChangeWatcher,
  type ChangeWatcher,
} from "../hosts/changes";
import { createExcelAdapter } from "../hosts/excel/excelAdapter";
import { createExcelCheckHost, createExcelPlanTableHost } from "../hosts/excel/planSheet";
import { createWordCheckHost } from "../hosts/word/checkHost";
import { createWordPlanTableHost } from "../hosts/word/planTables";
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

function planHostFor(info: HostInfo): PlanTableHost | null {
  if (info.gaps.some((gap) => gap.essential)) return null;
  if (info.kind === "word") return createWordPlanTableHost();
  if (info.kind === "excel") {
    const mergedAreas = !info.gaps.some((gap) => gap.feature === "readMerges");
    return createExcelPlanTableHost(undefined, { mergedAreas });
  }
  return null;
}

function checkHostFor(info: HostInfo): CheckHost | null {
  if (info.gaps.some((gap) => gap.essential)) return null;
  const host =
    info.kind === "word"
      ? createWordCheckHost()
      : info.kind === "excel"
        ? createExcelCheckHost(undefined, {
            mergedAreas: !info.gaps.some((g) => g.feature === "readMerges"),
          })
        : null;
  // Native comments need WordApi 1.4 / ExcelApi 1.10: without them the button is not offered.
  if (host && info.gaps.some((g) => g.feature === "comments"))
    return { ...host, attachComments: undefined };
  return host;
}

function formatHostFor(info: HostInfo): FormatHost | null {
  if (info.gaps.some((gap) => gap.essential)) return null;
  if (info.kind === "word")
    return createWordFormatHost(undefined, undefined, {
      pageSetupApi: !info.gaps.some((g) => g.feature === "pageSetup"),
    });
  // Cell properties and page layout: ExcelApi 1.9 (the pane says so when missing).
  if (info.kind === "excel" && !info.gaps.some((g) => g.feature === "pageSetup"))
    return createExcelFormatHost(undefined, {
      mergedAreas: !info.gaps.some((g) => g.feature === "readMerges"),
    });
  return null;
}

function changesFor(info: HostInfo): ChangeWatcher | null {
  if (info.gaps.some((g) => g.essential || g.feature === "changeEvents")) return null;
  if (info.kind === "word") return createWordChangeWatcher();
  if (info.kind === "excel")
    return createExcelChangeWatcher(undefined, {
      // WorksheetCollection.onChanged is ExcelApi 1.9; below it, one handler per sheet (1.7).
      workbookEvents: info.supports?.("ExcelApi", "1.9") ?? false,
    });
  return null;
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  void detectHost().then((info) =>
    root.render(
      <App
        info={info}
        adapter={adapterFor(info)}
        planHost={planHostFor(info)}
        checkHost={checkHostFor(info)}
        formatHost={formatHostFor(info)}
        changes={changesFor(info)}
      />
    )
  );
}
