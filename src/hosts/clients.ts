/**
 * The Office clients KHCT supports, by the requirement sets each one has — the facts behind README's
 * "Phiên bản Office được hỗ trợ" table, the fakes' client profiles and the self-test's report.
 * Source: learn.microsoft.com/javascript/api/requirement-sets/word/word-api-requirement-sets and
 * …/excel/excel-api-requirement-sets (seen 2026-12): volume-licensed Office 2019/2021/2024 has
 * WordApi 1.3 only (WordApi 1.4+ "not available"; WordApiDesktop 1.1 from Office 2024); ExcelApi
 * up to 1.8 in Office 2019, 1.14 in Office 2021, 1.17 in Office 2024; Office on the web has every
 * numbered WordApi/ExcelApi set but no WordApiDesktop/ExcelApiDesktop; Microsoft 365 on Windows
 * and Mac has them all.
 */
import type { OfficeHostKind } from "./requirements";

export interface OfficeClient {
  readonly id: string;
  /** As users know it. */
  readonly name: string;
  readonly host: OfficeHostKind;
  /** Highest minor version per set name (1.x): { WordApi: 3 } is WordApi 1.1–1.3. */
  readonly sets: Readonly<Record<string, number>>;
}

/** Every set a Microsoft 365 client has, as far as KHCT asks (it asks nothing beyond these). */
const ALL = 99;

export const OFFICE_CLIENTS: readonly OfficeClient[] = [
  {
    id: "word-365",
    name: "Word (Microsoft 365)",
    host: "word",
    sets: { WordApi: ALL, WordApiDesktop: ALL },
  },
  { id: "word-web", name: "Word trên web", host: "word", sets: { WordApi: ALL, WordApiOnline: 1 } },
  {
    id: "word-2024",
    name: "Word 2024 LTSC",
    host: "word",
    sets: { WordApi: 3, WordApiDesktop: 1 },
  },
  { id: "word-2021", name: "Word 2021 / 2019 LTSC", host: "word", sets: { WordApi: 3 } },
  { id: "word-2016", name: "Word 2016 (MSI)", host: "word", sets: { WordApi: 2 } },
  {
    id: "excel-365",
    name: "Excel (Microsoft 365)",
    host: "excel",
    sets: { ExcelApi: ALL, ExcelApiDesktop: ALL },
  },
  {
    id: "excel-web",
    name: "Excel trên web",
    host: "excel",
    sets: { ExcelApi: ALL, ExcelApiOnline: 1 },
  },
  { id: "excel-2024", name: "Excel 2024 LTSC", host: "excel", sets: { ExcelApi: 17 } },
  { id: "excel-2021", name: "Excel 2021 LTSC", host: "excel", sets: { ExcelApi: 14 } },
  { id: "excel-2019", name: "Excel 2019", host: "excel", sets: { ExcelApi: 8 } },
  { id: "excel-2016", name: "Excel 2016 (MSI)", host: "excel", sets: { ExcelApi: 1 } },
];

/** Office's isSetSupported, as the client would answer it. */
export function clientSupports(client: OfficeClient): (name: string, version: string) => boolean {
  return (name, version) => {
    const [major, minor] = version.split(".").map(Number);
    const highest = client.sets[name];
    return highest !== undefined && major === 1 && (minor ?? 0) <= highest;
  };
}
