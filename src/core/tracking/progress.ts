/**
 * Progress of a plan row: its status as the progress column says it, and "quá hạn" derived from
 * the row's timeframe and a date. Nothing is stored: the document's cells are the state.
 */
import { fold } from "../text/fold";
import type { SchoolYear } from "../text/schoolYear";
import { parseTimeframe, resolveMonth } from "../text/timeframe";

export type ProgressStatus = "not-started" | "in-progress" | "done";

export const PROGRESS_TEXT: Readonly<Record<ProgressStatus, string>> = {
  "not-started": "Chưa thực hiện",
  "in-progress": "Đang thực hiện",
  done: "Đã hoàn thành",
};

/** Thông tư 57/2026's "Mức độ thực hiện" values (as apps print them), by status. */
export const TT57_PROGRESS_TEXT: Readonly<Record<ProgressStatus, string>> = {
  "not-started": "Chưa hoàn thành",
  "in-progress": "Đang thực hiện",
  done: "Hoàn thành",
};

/** The statuses in the order a list offers them (and their colours run): not started, in progress, done. */
export const PROGRESS_ORDER: readonly ProgressStatus[] = ["not-started", "in-progress", "done"];

/** The words a table's progress column takes: its form's own. */
export function progressTexts(layoutId: string): Readonly<Record<ProgressStatus, string>> {
  return layoutId === "tt57-plan" ? TT57_PROGRESS_TEXT : PROGRESS_TEXT;
}

/** The status a cell says; null when it says nothing readable (empty counts as not started). */
export function parseProgress(text: string): ProgressStatus | null {
  const percent = /^\s*(\d{1,3})\s*%\s*$/.exec(text);
  if (percent) {
    const n = Number(percent[1]);
    return n >= 100 ? "done" : n === 0 ? "not-started" : "in-progress";
  }
  const f = fold(text);
  if (!f) return "not-started";
  if (/^dang\b|^tiep tuc\b|mot phan\b/.test(f)) return "in-progress";
  if (/^(da )?(hoan thanh|xong|thuc hien xong|dat)\b|^da thuc hien\b/.test(f)) return "done";
  if (/^chua\b/.test(f)) return "not-started";
  return null;
}

/** The last day a timeframe allows (ISO date), or null when it has no end ("Thường xuyên", unreadable). */
export function timeframeEnd(text: string, year: SchoolYear | null): string | null {
  const t = parseTimeframe(text);
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  switch (t.kind) {
    case "range": {
      if (t.to.year === null && !year) return null;
      const end = resolveMonth(t.to, year?.start ?? 0);
      return lastDay(end.year, end.month);
    }
    case "school-year":
      return lastDay(t.start + 1, 5);
    case "year":
      return lastDay(t.year, 12);
    case "term":
      return year ? (t.term === 1 ? lastDay(year.start + 1, 1) : lastDay(year.start + 1, 5)) : null;
    default:
      return null;
  }
}

/** "quá hạn": the timeframe has ended before `today` and the row is not done. */
export function isOverdue(
  status: ProgressStatus | null,
  end: string | null,
  today: string
): boolean {
  return status !== "done" && end !== null && end < today;
}
