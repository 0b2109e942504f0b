/**
 * What the pane gets for the running Office: the host adapters each feature uses, built only where
 * Office has the requirement sets the feature declares (src/hosts/requirements.ts), so no call is
 * ever made above them. The batch runners default to Office's own; tests pass the fakes'.
 */
import type { CheckHost, FormatHost, HostAdapter, PlanTableHost } from "../hosts/adapter";
import {
  createWordChangeWatcher,
  createExcelChangeWatcher,
  type ChangeWatcher,
} from "../hosts/changes";
import { createExcelAdapter } from "../hosts/excel/excelAdapter";
import { createExcelFormatHost } from "../hosts/excel/format";
import { createExcelCheckHost, createExcelPlanTableHost } from "../hosts/excel/planSheet";
import type { HostInfo } from "../hosts/office";
import { createWordCheckHost } from "../hosts/word/checkHost";
import { createWordFormatHost } from "../hosts/word/format";
import { createWordPlanTableHost, type XmlParser } from "../hosts/word/planTables";
import { createWordAdapter } from "../hosts/word/wordAdapter";

export interface Runners {
  readonly word?: Parameters<typeof createWordAdapter>[0];
  readonly excel?: Parameters<typeof createExcelAdapter>[0];
  readonly parse?: XmlParser;
}

export interface PaneHosts {
  readonly adapter: HostAdapter | null;
  readonly planHost: PlanTableHost | null;
  readonly checkHost: CheckHost | null;
  readonly formatHost: FormatHost | null;
  readonly changes: ChangeWatcher | null;
}

export function hostsFor(info: HostInfo, runners: Runners = {}): PaneHosts {
  const none: PaneHosts = {
    adapter: null,
    planHost: null,
    checkHost: null,
    formatHost: null,
    changes: null,
  };
  // Without the essential sets the pane only explains (HostBanner).
  if (info.gaps.some((gap) => gap.essential)) return none;
  const lacks = (feature: string) => info.gaps.some((g) => g.feature === feature);
  const { word, excel, parse } = runners;
  if (info.kind === "word") {
    const check = createWordCheckHost(word, parse);
    return {
      adapter: createWordAdapter(word),
      planHost: createWordPlanTableHost(word, parse),
      // Native comments need WordApi 1.4: without them the button is not offered.
      checkHost: lacks("comments") ? { ...check, attachComments: undefined } : check,
      formatHost: createWordFormatHost(word, parse, { pageSetupApi: !lacks("pageSetup") }),
      changes: lacks("changeEvents") ? null : createWordChangeWatcher(word),
    };
  }
  if (info.kind === "excel") {
    const mergedAreas = !lacks("readMerges");
    const check = createExcelCheckHost(excel, { mergedAreas });
    return {
      adapter: createExcelAdapter(excel),
      planHost: createExcelPlanTableHost(excel, { mergedAreas }),
      // Native comments need ExcelApi 1.10.
      checkHost: lacks("comments") ? { ...check, attachComments: undefined } : check,
      // Cell properties and page layout: ExcelApi 1.9 (the pane says so when missing).
      formatHost: lacks("pageSetup") ? null : createExcelFormatHost(excel, { mergedAreas }),
      changes: lacks("changeEvents")
        ? null
        : createExcelChangeWatcher(excel, {
            // WorksheetCollection.onChanged is ExcelApi 1.9; below it, one handler per sheet (1.7).
            workbookEvents: info.supports?.("ExcelApi", "1.9") ?? false,
          }),
    };
  }
  return none;
}
