/**
 * The task pane at task-pane widths on the seed plans (issue 19), in Debian's chromium, outside
 * Office with the plan's file open: every panel fits 320 and 380 px without a horizontal scroll;
 * the check's findings come grouped by cause with their place in words; "Đến chỗ này" shows the
 * table; "Sửa tất cả" previews then fixes; and the whole path open → check → fix → fill → download
 * is done with the keyboard alone. A screenshot of each panel is written to test-output/screenshots.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { readOfficeFile } from "../../src/hosts/file/read";
import { launch, openPage, ROOT, serveDist, workspaceReady, type StaticServer } from "./harness";

jest.setTimeout(120_000);

const FILES = path.join(ROOT, "test/fixtures/files");
const SHOTS = path.join(ROOT, "test-output/screenshots");
const SEEDS = ["ke-hoach-2021-2022.docx", "tien-do-2025-2026.docx", "de-dien-2025-2026.xlsx"];
const PANELS = ["Danh mục tiêu chí", "Lập kế hoạch", "Kiểm tra", "Định dạng", "Theo dõi"];

let server: StaticServer;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khct-flows-"));
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * A seed plan as a school types it: every "Tiêu chí a.b" label written "Tiêu chí a. b" (the
 * spacing slip real plans show) — several findings of one cause, each fixable.
 */
async function withSpacedLabels(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  for (const name of Object.keys(zip.files)) {
    if (!/^(xl\/sharedStrings|xl\/worksheets\/sheet\d+|word\/document)\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/Tiêu chí (\d)\.(\d)/g, "Tiêu chí $1. $2"));
  }
  const out = path.join(tmp, `cach-${path.basename(file)}`);
  fs.writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}

async function openWithFile(file: string, width: number): Promise<Page> {
  const { page } = await openPage(browser, "none", { width, height: 800 });
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByText("KHCT đang mở ngoài Word/Excel").waitFor();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByText(`Đang làm việc trên tệp: ${path.basename(file)}`).waitFor();
  return page;
}

async function showPanel(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  const panel = page.getByRole("tabpanel");
  await panel.getByText("Đang mở…").waitFor({ state: "detached" });
  await panel.locator("button, input, select, [role=status], p, span").first().waitFor();
}

/** How far the page is wider than the pane (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The check's top-level entries: a finding alone, or a group of the same cause. */
const checkEntries = (page: Page) =>
  page.getByRole("tabpanel").locator("section > article, section > details");

describe.each([320, 380])("a %i px pane", (width) => {
  it.each(SEEDS)(
    "%s: every panel fits, findings come grouped with their place, and the place is shown",
    async (name) => {
      const page = await openWithFile(path.join(FILES, name), width);
      const base = path.basename(name).replace(/\./g, "-");
      for (const panel of PANELS) {
        await showPanel(page, panel);
        if (panel === "Kiểm tra")
          await page.getByText(/^\d+ lỗi, \d+ cảnh báo, \d+ gợi ý$/).waitFor();
        expect({ panel, overflow: await overflow(page) }).toEqual({ panel, overflow: 0 });
        await page.screenshot({
          path: path.join(SHOTS, `${width}-${base}-${PANELS.indexOf(panel) + 1}.png`),
          fullPage: true,
        });
      }
      await showPanel(page, "Kiểm tra");
      const entries = await checkEntries(page).count();
      expect(entries).toBeGreaterThan(0);
      expect(entries).toBeLessThanOrEqual(10);
      // Each finding in a table says where, in words: the table, the row, the criterion.
      const places = await page
        .getByRole("tabpanel")
        .getByText(/^(Bảng \d+|Trang tính .+?) · hàng \d+/)
        .allInnerTexts();
      expect(places.length).toBeGreaterThan(0);
      // "Đến chỗ này" on the first of them: a read-only view of the table, its row marked.
      const finding = page
        .getByRole("article")
        .filter({ has: page.getByText(/^(Bảng \d+|Trang tính .+?) · hàng \d+/) })
        .first();
      await finding.getByRole("button", { name: "Đến chỗ này" }).click();
      const view = finding.getByRole("table", { name: /^Chỗ này trong tệp: / });
      await view.waitFor();
      expect(await view.locator('tr[aria-current="true"]').count()).toBe(1);
      expect(await overflow(page)).toBe(0);
      await page.context().close();
    }
  );
});

describe("fix all of one kind", () => {
  it("groups the spaced labels under one cause, previews every change, then fixes them in one go", async () => {
    const file = await withSpacedLabels(path.join(FILES, "de-dien-2025-2026.xlsx"));
    const page = await openWithFile(file, 380);
    await showPanel(page, "Kiểm tra");
    const group = page
      .getByRole("tabpanel")
      .locator("details")
      .filter({ hasText: /viết chưa đúng dạng.*cùng loại: 2 chỗ/ });
    await group.locator("summary").click();
    await group.getByRole("button", { name: "Sửa tất cả (2)" }).click();
    // The preview lists each change before anything is written.
    await group.getByText("Sẽ sửa 2 ô như sau:").waitFor();
    expect(await group.getByRole("listitem").allInnerTexts()).toEqual([
      expect.stringMatching(/Tiêu chí 1\. 4.*Tiêu chí 1\.4/),
      expect.stringMatching(/Tiêu chí 3\. 3.*Tiêu chí 3\.3/),
    ]);
    await group.getByRole("button", { name: "Áp dụng" }).click();
    await page.getByText("Đã sửa 2 ô.").waitFor();
    await page.getByText(/^\d+ lỗi, \d+ cảnh báo, \d+ gợi ý$/).waitFor();
    expect(await page.getByText(/viết chưa đúng dạng/).count()).toBe(0);
    await page.context().close();
  });
});

describe("a tab switch", () => {
  it("keeps what the user typed into a proposal and what was unticked", async () => {
    const page = await openWithFile(path.join(FILES, "de-dien-2025-2026.xlsx"), 320);
    await showPanel(page, "Lập kế hoạch");
    const task = page.getByRole("textbox", { name: /^Công việc\/giải pháp: / }).first();
    const name = (await task.getAttribute("aria-label")) ?? "";
    await task.fill("Họp tổ chuyên môn hằng tháng");
    const tick = () => page.getByRole("checkbox", { name: /^Tiêu chí 2\.2 → Mức/ });
    await tick().uncheck();
    const preview = await page.getByRole("region", { name: "Xem trước" }).innerText();
    await showPanel(page, "Kiểm tra");
    await showPanel(page, "Lập kế hoạch");
    expect(await page.getByRole("textbox", { name, exact: true }).inputValue()).toBe(
      "Họp tổ chuyên môn hằng tháng"
    );
    expect(await tick().isChecked()).toBe(false);
    expect(await page.getByRole("region", { name: "Xem trước" }).innerText()).toBe(preview);
    await page.context().close();
  });
});

describe("the keyboard alone", () => {
  /** Presses Tab until the focused element is the one named; fails after `limit` presses. */
  async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute("aria-label") ?? el.innerText ?? "").trim() : "";
      });
      if (name.test(focused)) return;
    }
    throw new Error(`${name} not reached with Tab`);
  }

  it("opens a plan, checks it, fixes a group, fills the plan table and downloads the file", async () => {
    const file = await withSpacedLabels(path.join(FILES, "de-dien-2025-2026.xlsx"));
    const { page } = await openPage(browser, "none", { width: 380, height: 800 });
    // Listening before the page loads: Playwright turns on its file-dialog interception when the
    // first listener is added, and a dialog opened before that is missed.
    const chooserShown = page.waitForEvent("filechooser");
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("KHCT đang mở ngoài Word/Excel").waitFor();
    await workspaceReady(page);
    // Open: the button opens the system's file dialog (answered by the test).
    await tabTo(page, /^Mở tệp/);
    await page.keyboard.press("Enter");
    const chooser = await chooserShown;
    await chooser.setFiles(file);
    await page.getByText(`Đang làm việc trên tệp: ${path.basename(file)}`).waitFor();
    // Check: to the tab list, then along it with the arrow keys.
    await tabTo(page, /^Danh mục tiêu chí$/);
    for (const key of ["ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
    await page.keyboard.press("Enter");
    await page.getByText(/^\d+ lỗi, \d+ cảnh báo, \d+ gợi ý$/).waitFor();
    // Fix: open the group, preview, apply; the result takes the focus.
    await tabTo(page, /viết chưa đúng dạng/);
    await page.keyboard.press("Enter");
    await tabTo(page, /^Sửa tất cả \(2\)$/);
    await page.keyboard.press("Enter");
    await tabTo(page, /^Áp dụng$/);
    await page.keyboard.press("Enter");
    await page.getByText("Đã sửa 2 ô.").waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(
      /Đã sửa 2 ô\./
    );
    // Fill: back to the tab list (Shift+Tab), to "Lập kế hoạch", then the preview's button.
    await page.getByRole("tab", { name: "Kiểm tra" }).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await page
      .getByRole("region", { name: "Xem trước" })
      .getByText(/Thêm \d+ dòng/)
      .waitFor();
    await tabTo(page, /^Điền vào bảng$/, 200);
    await page.keyboard.press("Enter");
    await page.getByText(/Đã thêm \d+ dòng và điền \d+ ô/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(
      /Đã thêm \d+ dòng/
    );
    // Download: the file card's button, reached by Shift+Tab from the result.
    let saved = "";
    for (let i = 0; i < 200 && !saved; i++) {
      await page.keyboard.press("Shift+Tab");
      const label = await page.evaluate(() => (document.activeElement as HTMLElement)?.innerText);
      if (label?.trim() === "Tải tệp đã sửa") {
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.keyboard.press("Enter"),
        ]);
        saved = path.join(tmp, download.suggestedFilename());
        await download.saveAs(saved);
      }
    }
    expect(path.basename(saved)).toBe("cach-de-dien-2025-2026 (KHCT).xlsx");
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(saved)));
    // The plan table (the last): its labels fixed, its rows filled. (The self-assessment table's
    // labels are read as they are; the check does not ask to respace them.)
    const plan = content.tables[content.tables.length - 1]!;
    const texts = plan.grid.cells.flat().map((c) => c.text);
    expect(texts).toContain("Tiêu chí 1.4");
    expect(texts.filter((t) => /Tiêu chí \d\. \d/.test(t))).toEqual([]);
    expect(texts).toContain("Tiêu chí 2.2");
    await page.context().close();
  });
});
