/**
 * The self-test a maintainer runs in a real Office build (issue 17): in a new blank document or
 * sheet, it makes a plan table and runs every host verb KHCT uses — read, fill, check, fix,
 * comments, format, undo, progress columns, report, change events — reporting for each whether it
 * worked, was not available on this Office (and said so), or failed, with the round-trips it took.
 * It uses only the host interfaces, so the same steps run on the fakes in CI.
 */
import { criteria, frameworkById } from "../core/catalogue";
import type { Framework } from "../core/catalogue/types";
import { formatSession } from "../core/format/session";
import { detectPlanIdentity } from "../core/plan/identity";
import { layoutById } from "../core/plan/layouts";
import { newPlanTable } from "../core/plan/newTable";
import { computeFillPatch } from "../core/plan/patch";
import { analyseTables, identityTexts } from "../core/plan/session";
import { criterionRowTemplate, type RowTemplate } from "../core/plan/templates";
import { parseSchoolYear } from "../core/text/schoolYear";
import { check } from "../core/validation/check";
import type { Finding } from "../core/validation/types";
import type { CheckHost, FormatHost, HostAdapter, PlanTableHost } from "./adapter";
import type { ChangeWatcher } from "./changes";
import { describeError } from "./officeErrors";

export type StepOutcome = "pass" | "fail" | "unavailable";

export interface StepResult {
  /** "Điền bảng", "Hoàn tác định dạng" … */
  readonly verb: string;
  readonly outcome: StepOutcome;
  /** What happened, in Vietnamese. */
  readonly detail: string;
  /** Round-trips (context.sync calls) the step took. */
  readonly syncs: number;
}

export interface SelfTestHosts {
  readonly kind: "word" | "excel";
  readonly adapter: HostAdapter | null;
  readonly planHost: PlanTableHost | null;
  readonly checkHost: CheckHost | null;
  readonly formatHost: FormatHost | null;
  readonly changes: ChangeWatcher | null;
}

class StepFailed extends Error {}
class Unavailable extends Error {}

const ensure = (condition: unknown, message: string) => {
  if (!condition) throw new StepFailed(message);
};

/**
 * Runs the steps in order; a step that fails does not stop the others (those that need its result
 * say so). `syncs` reads the running count of round-trips; `wait` is for the change event.
 */
export async function runSelfTest(
  hosts: SelfTestHosts,
  syncs: () => number,
  options: {
    readonly wait?: (ms: number) => Promise<void>;
    readonly onStep?: (r: StepResult) => void;
  } = {}
): Promise<StepResult[]> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const framework = frameworkById("tt17-2018") as Framework;
  const year = parseSchoolYear("2025-2026");
  const results: StepResult[] = [];
  const step = async (verb: string, body: () => Promise<string>) => {
    const before = syncs();
    let outcome: StepOutcome = "pass";
    let detail: string;
    try {
      detail = await body();
    } catch (error) {
      outcome = error instanceof Unavailable ? "unavailable" : "fail";
      detail =
        error instanceof Unavailable || error instanceof StepFailed
          ? error.message
          : describeError(error);
    }
    const result = { verb, outcome, detail, syncs: syncs() - before };
    results.push(result);
    options.onStep?.(result);
  };
  const templates = (ids: string[]) =>
    ids
      .map((id) => criterionRowTemplate(framework, id, 2, 1, year))
      .filter((t): t is RowTemplate => t !== null);
  const { adapter, planHost, checkHost, formatHost, changes } = hosts;

  await step("Đọc tài liệu", async () => {
    ensure(adapter, "Không có bộ đọc tài liệu (Office thiếu bộ API tối thiểu).");
    const context = await adapter!.readPlanContext();
    return `${context.paragraphs.length} đoạn/ô có chữ`;
  });

  await step("Tạo bảng kế hoạch", async () => {
    ensure(planHost, "Không có bộ bảng kế hoạch.");
    const table = newPlanTable(layoutById("standard"), templates(["1.2", "2.1"]), framework);
    // A label written the way schools slip ("Tiêu chí 1. 2"): the check must find it, the fix correct it.
    const rows = table.rows.map((row) =>
      row.map((t) => (t === "Tiêu chí 1.2" ? "Tiêu chí 1. 2" : t))
    );
    const outcome = await planHost!.insertTable(rows, table.merged, table.headerRows);
    ensure(
      outcome.ok,
      `Chỗ chèn bảng không trống (${outcome.ok ? "" : outcome.where}): hãy chạy trong tài liệu trống.`
    );
    return `${rows.length} hàng`;
  });

  let planKey: string | null = null;
  await step("Đọc và điền bảng", async () => {
    ensure(planHost, "Không có bộ bảng kế hoạch.");
    const found = await planHost!.readTables();
    const analysed = analyseTables(found, framework);
    const plan = analysed.find((t) => t.kind === "plan" && t.table);
    ensure(plan?.table, "Không nhận ra bảng vừa tạo.");
    const table = found.find((t) => t.key === plan!.key)!;
    planKey = table.key;
    const patch = computeFillPatch(plan!.table!, templates(["1.2", "2.1", "3.3"]), framework);
    const outcome = await planHost!.applyPatch(table, patch);
    ensure(outcome.ok, `Không điền được: ${outcome.ok ? "" : outcome.reason}.`);
    return outcome.ok ? `thêm ${outcome.inserted} hàng, điền ${outcome.written} ô` : "";
  });

  let fixable: Finding | null = null;
  const findings = async () => {
    const content = await checkHost!.readDocument();
    const identity = detectPlanIdentity(identityTexts(content.paragraphs, content.tables));
    return check({
      framework,
      level: "tieu-hoc",
      identity,
      paragraphs: content.paragraphs,
      tables: analyseTables(content.tables, framework),
    });
  };
  await step("Kiểm tra", async () => {
    ensure(checkHost, "Không có bộ kiểm tra.");
    const found = await findings();
    fixable = found.find((f) => f.fix && /Tiêu chí 1\. 2/.test(f.message)) ?? null;
    ensure(fixable, "Không thấy lỗi nhãn “Tiêu chí 1. 2” đã cài sẵn.");
    return `${found.length} phát hiện`;
  });

  await step("Sửa theo Kiểm tra", async () => {
    ensure(checkHost && fixable?.fix, "Bước Kiểm tra không có gì để sửa.");
    const outcome = await checkHost!.applyEdits(fixable!.fix!.map((f) => ({ ...f })));
    ensure(outcome.written > 0, "Không ghi được ô cần sửa.");
    return `sửa ${outcome.written} ô`;
  });

  await step("Nhận xét trong tài liệu", async () => {
    if (!checkHost?.attachComments)
      throw new Unavailable(
        "Phiên bản Office này không có nhận xét cho tiện ích (WordApi 1.4 / ExcelApi 1.10)."
      );
    // On the cell the check found (a blank sheet has no paragraph to comment on).
    const location = fixable?.location ?? { paragraph: 0 };
    const outcome = await checkHost.attachComments([
      { location, text: "KHCT – Tự kiểm tra: nhận xét thử" },
    ]);
    ensure(outcome.added === 1, "Không gắn được nhận xét.");
    return `gắn ${outcome.added}, bỏ qua ${outcome.skipped}`;
  });

  await step("Định dạng", async () => {
    if (!formatHost) throw new Unavailable("Định dạng cần ExcelApi 1.9 trên phiên bản Office này.");
    const snapshot = await formatHost.readFormat();
    const session = formatSession(snapshot, framework, hosts.kind);
    const outcome = await formatHost.applyFormat(session.plan);
    ensure(outcome.ok, `Không định dạng được: ${outcome.ok ? "" : outcome.reason}.`);
    return `${session.changes.length} thay đổi`;
  });

  await step("Hoàn tác định dạng", async () => {
    if (!formatHost) throw new Unavailable("Không có định dạng để hoàn tác.");
    const undone = await formatHost.undoFormat();
    ensure(undone, "Không có gì để hoàn tác.");
    return undone?.tableKept ? "giữ nguyên bảng (đã đổi hàng)" : "đã hoàn tác";
  });

  await step("Thêm cột tiến độ", async () => {
    if (!planHost?.addProgressColumns) throw new Unavailable("Không có trên máy chủ này.");
    const table = (await planHost.readTables()).find((t) => t.key === planKey);
    ensure(table, "Không còn thấy bảng kế hoạch.");
    const outcome = await planHost.addProgressColumns(table!);
    if (!outcome.ok && outcome.reason === "merged")
      throw new Unavailable("Bảng có ô gộp: Word không cho thêm cột (KHCT hướng dẫn thêm tay).");
    ensure(outcome.ok, `Không thêm được: ${outcome.ok ? "" : outcome.reason}.`);
    return "đã thêm 2 cột";
  });

  await step("Sự kiện thay đổi", async () => {
    if (!changes)
      throw new Unavailable(
        "Phiên bản Office này không báo thay đổi cho tiện ích (WordApi 1.6 / ExcelApi 1.7)."
      );
    let heard = 0;
    const stop = await changes.start(() => heard++);
    try {
      const table = (await planHost?.readTables())?.find((t) => t.key === planKey);
      ensure(table && checkHost, "Không còn thấy bảng kế hoạch.");
      const cells = table!.grid.cells;
      const row = cells.findIndex((r) => r.some((c) => c.text === "Tiêu chí 3.3"));
      const col = (cells[row] ?? []).findIndex((c, i) => c.text === "" && c.origin.col === i);
      ensure(row >= 0 && col >= 0, "Không có ô trống để ghi thử.");
      await checkHost!.applyEdits([{ table: table!.key, row, col, expected: "", text: "Ghi thử" }]);
      for (let i = 0; i < 30 && heard === 0; i++) await wait(100);
      if (heard > 0) return `nghe ${heard} sự kiện`;
      // Excel from ExcelApi 1.14 marks the add-in's own change, and KHCT drops it (hosts/changes.ts).
      if (hosts.kind === "excel")
        return "không nghe sự kiện (Excel báo đây là thay đổi của chính KHCT, đúng như mong đợi)";
      throw new StepFailed("Word không báo sự kiện nào trong 3 giây sau khi ghi một ô.");
    } finally {
      await stop();
    }
  });

  // Last: in Excel the report goes on a new sheet, which becomes the active one.
  await step("Báo cáo giám sát", async () => {
    ensure(planHost, "Không có bộ bảng kế hoạch.");
    const rows = [
      ["Tiêu chuẩn", "Số việc", "Đã hoàn thành"],
      ["Tiêu chuẩn 1", "1", "0"],
      ["Cả kế hoạch", String(criteria(framework).length), "0"],
    ];
    if (planHost!.insertReport) {
      const made = await planHost!.insertReport("BÁO CÁO TỰ KIỂM TRA", rows, 1);
      return `tạo ${made.where}`;
    }
    const outcome = await planHost!.insertTable(
      [["BÁO CÁO TỰ KIỂM TRA", "", ""], ...rows],
      [{ row: 0, from: 0 }],
      2
    );
    ensure(outcome.ok, "Không chèn được bảng báo cáo.");
    return "chèn bảng báo cáo";
  });

  return results;
}
