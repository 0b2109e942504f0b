import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { readOfficeFile } from "../../src/hosts/file/read";
import { launch, openPage, ROOT, serveDist, type PageLog, type StaticServer } from "./harness";

jest.setTimeout(90_000);

const FILES = path.join(ROOT, "test/fixtures/files");
let server: StaticServer;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  server = await serveDist();
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khct-browser-"));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function openWithFile(file: string): Promise<{ page: Page; log: PageLog }> {
  const opened = await openPage(browser, "none", { width: 420, height: 900 });
  await opened.page.goto(`${server.origin}/taskpane.html`);
  await opened.page.getByText("KHCT đang mở ngoài Word/Excel").waitFor();
  await opened.page.locator('input[type="file"]').setInputFiles(file);
  return opened;
}

async function saveDownload(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const target = path.join(tmp, download.suggestedFilename());
  await download.saveAs(target);
  return target;
}

describe("the task pane outside Office works on files, in the browser only", () => {
  it("opens a real .docx, detects the plan and shows the check's findings", async () => {
    const { page, log } = await openWithFile(path.join(FILES, "ke-hoach-2021-2022.docx"));
    await page.getByText("Đang làm việc trên tệp: ke-hoach-2021-2022.docx").waitFor();
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByText(/là tên của cấp mầm non/).waitFor();
    await page.getByText(/Dòng Tiêu chuẩn 5 được đánh số 4/).waitFor();
    // At a 420×900 pane the header is one line and the banner gone once the file is open: the
    // check's summary is in view without scrolling (it sat below the fold before).
    expect(await page.getByText("KHCT đang mở ngoài Word/Excel").count()).toBe(0);
    const summary = await page.getByText(/^\d+ lỗi, \d+ cảnh báo, \d+ gợi ý$/).boundingBox();
    expect(summary && summary.y + summary.height).toBeLessThan(900);
    // No selection to move in a file: "Đến chỗ này" shows the place, its row marked.
    const finding = page.getByRole("article").filter({ hasText: /là tên của cấp mầm non/ });
    await finding.getByRole("button", { name: "Đến chỗ này" }).click();
    const view = finding.getByRole("table", { name: /^Chỗ này trong tệp: Bảng \d+$/ });
    await view.waitFor();
    expect(await view.locator('tr[aria-current="true"]').innerText()).toMatch(
      /Hoạt động và kết quả nuôi dưỡng/
    );
    await finding.getByRole("button", { name: "Đến chỗ này" }).click();
    expect(await view.count()).toBe(0);
    expect(log.external).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it("fills the plan table of a .xlsx from its self-assessment and downloads the filled file", async () => {
    const { page, log } = await openWithFile(path.join(FILES, "de-dien-2025-2026.xlsx"));
    await page.getByText("Đang làm việc trên tệp: de-dien-2025-2026.xlsx").waitFor();
    await page.getByRole("tab", { name: "Lập kế hoạch" }).click();
    const preview = page.getByRole("region", { name: "Xem trước" });
    await preview.getByText(/Thêm \d+ dòng, điền \d+ ô trống/).waitFor();
    await preview.getByRole("button", { name: "Điền vào bảng" }).click();
    await page.getByText(/Đã thêm \d+ dòng và điền \d+ ô/).waitFor();
    const saved = await saveDownload(page, () =>
      page.getByRole("button", { name: "Tải tệp đã sửa" }).click()
    );
    expect(path.basename(saved)).toBe("de-dien-2025-2026 (KHCT).xlsx");
    // Downloaded: closing asks nothing (checked below after another change).
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(saved)));
    const plan = content.tables[content.tables.length - 1]!;
    const labels = plan.grid.cells.map((row) => row.map((c) => c.text).join("|"));
    expect(labels.some((l) => l.includes("Tiêu chí 2.2"))).toBe(true);
    expect(
      labels.some((l) => l.includes("Tiêu chí 1.4") && l.includes("Sinh hoạt chuyên môn"))
    ).toBe(true);
    // KHCT's history takes the file back to what was opened, after a preview.
    const history = page.getByRole("group", { name: "Hoàn tác thao tác của KHCT" });
    await history.getByText(/^Gần nhất: Điền bảng — .*: \d+ ô, \d+ dòng mới/).waitFor();
    await history.getByRole("button", { name: "Hoàn tác…" }).click();
    await history.getByText("Hoàn tác sẽ trả tệp về như trước thao tác này.").waitFor();
    await history.getByRole("button", { name: "Hoàn tác", exact: true }).click();
    await history.getByText("Đã hoàn tác “Điền bảng”.").waitFor();
    await page.getByText("KHCT chưa sửa gì trong tệp.").waitFor();
    expect(log.external).toEqual([]);
    await page.context().close();
  });

  it("warns before closing or leaving with changes not downloaded; says a confirmation does not change the file", async () => {
    const { page } = await openWithFile(path.join(FILES, "de-dien-2025-2026.xlsx"));
    await page.getByText("Đang làm việc trên tệp: de-dien-2025-2026.xlsx").waitFor();
    // Confirming the framework does not change the file, and says so honestly.
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByText(/Đã ghi nhận cho lần làm việc này với tệp; KHCT không sửa tệp/).waitFor();
    await page.getByText("KHCT chưa sửa gì trong tệp.").waitFor();
    // A fill changes the file.
    await page.getByRole("tab", { name: "Lập kế hoạch" }).click();
    const preview = page.getByRole("region", { name: "Xem trước" });
    await preview.getByRole("button", { name: "Điền vào bảng" }).click();
    await page.getByText(/Đã thêm \d+ dòng và điền \d+ ô/).waitFor();
    // Leaving the page with changes not downloaded: the browser asks (beforeunload).
    const held = () =>
      page.evaluate(() => {
        const event = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await held()).toBe(true);
    await page.getByRole("button", { name: "Đóng tệp" }).click();
    await page
      .getByText(/Tệp có thay đổi của KHCT chưa tải về: đóng bây giờ thì các thay đổi đó mất/)
      .waitFor();
    await page.getByRole("button", { name: "Ở lại" }).click();
    await page.getByText("Đang làm việc trên tệp: de-dien-2025-2026.xlsx").waitFor();
    // Downloaded: closing asks nothing, and leaving is not held.
    await saveDownload(page, () => page.getByRole("button", { name: "Tải tệp đã sửa" }).click());
    expect(await held()).toBe(false);
    await page.getByRole("button", { name: "Đóng tệp" }).click();
    await page.getByText("KHCT đang mở ngoài Word/Excel").waitFor();
    expect(await page.getByText(/chưa tải về: đóng bây giờ/).count()).toBe(0);
    await page.context().close();
  });

  it("says in Vietnamese why a file cannot be opened", async () => {
    const fake = path.join(tmp, "khong-phai.docx");
    fs.writeFileSync(fake, "đây không phải tệp Word");
    const { page } = await openWithFile(fake);
    await page.getByText(/Không mở được tệp “khong-phai.docx”: Không phải tệp Office/).waitFor();
    await page.context().close();
  });

  it("opens a plan saved as HTML under a .doc name as a new .docx, says what is not carried over, and downloads it", async () => {
    const html = path.join(tmp, "ke-hoach-html.doc");
    fs.writeFileSync(
      html,
      `<html><head><meta charset="utf-8"></head><body><p>TRƯỜNG TIỂU HỌC HOA SEN</p><p>KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC NĂM HỌC 2025-2026</p>
<table border=1><tr><th>TT<th>Tiêu chuẩn, tiêu chí<th>Kết quả cần đạt<th>Giải pháp<th>Chủ trì<th>Thời gian</tr>
<tr><td>1</td><td colspan=5>Tiêu chuẩn 1: Tổ chức và quản lý nhà trường</td></tr>
<tr><td></td><td>Tiêu chí 1.2</td><td>Hội đồng hoạt động</td><td>Họp định kỳ</td><td>Hiệu trưởng</td><td>Học kỳ I</td></tr></table></body></html>`
    );
    const { page, log } = await openWithFile(html);
    await page.getByText("Đang làm việc trên tệp: ke-hoach-html.doc").waitFor();
    await page
      .getByText(
        /Tệp này là trang HTML .* hình ảnh, màu và phông riêng của trang không được chép sang/
      )
      .waitFor();
    const saved = await saveDownload(page, () =>
      page.getByRole("button", { name: "Tải tệp đã sửa" }).click()
    );
    expect(path.basename(saved)).toBe("ke-hoach-html (KHCT).docx");
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(saved)));
    expect(content.kind).toBe("docx");
    expect(content.tables[0]?.grid.cells[2]?.map((c) => c.text)).toEqual([
      "",
      "Tiêu chí 1.2",
      "Hội đồng hoạt động",
      "Họp định kỳ",
      "Hiệu trưởng",
      "Học kỳ I",
    ]);
    expect(log.external).toEqual([]);
    await page.context().close();
  });

  it("makes a sample standard plan to download", async () => {
    const { page } = await openPage(browser, "none", { width: 420, height: 900 });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("Tạo kế hoạch mẫu").click();
    await page.getByLabel("Cấp học của kế hoạch mẫu").selectOption("mam-non");
    await page.getByLabel("Năm học của kế hoạch mẫu").fill("2025-2026");
    const saved = await saveDownload(page, () =>
      page.getByRole("button", { name: "Tải .docx" }).click()
    );
    expect(path.basename(saved)).toBe("ke-hoach-cai-tien-mam-non-2025-2026.docx");
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(saved)));
    expect(content.settings).toMatchObject({ level: "mam-non", schoolYear: "2025-2026" });
    expect(content.paragraphs).toContain("VI. TỔ CHỨC THỰC HIỆN");
    await page.context().close();
  });

  it("makes a sample plan on Thông tư 57/2026's form for 2026-2027, the circular offered first for that year", async () => {
    const { page } = await openPage(browser, "none", { width: 420, height: 900 });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("Tạo kế hoạch mẫu").click();
    await page.getByLabel("Năm học của kế hoạch mẫu").fill("2026-2027");
    const choice = page.getByLabel("Thông tư và mẫu kế hoạch");
    expect(await choice.inputValue()).toBe("tt57-2026-pho-thong");
    expect(await choice.locator("option").allTextContents()).toEqual([
      "Thông tư 17/2018/TT-BGDĐT — bảng kế hoạch chuẩn",
      "Thông tư 57/2026/TT-BGDĐT — mẫu Biểu 2 Phụ lục V (theo các ứng dụng của trường, chưa đối chiếu văn bản chính thức)",
    ]);
    const saved = await saveDownload(page, () =>
      page.getByRole("button", { name: "Tải .docx" }).click()
    );
    const content = await readOfficeFile(new Uint8Array(fs.readFileSync(saved)));
    expect(content.settings).toMatchObject({
      frameworkId: "tt57-2026-pho-thong",
      schoolYear: "2026-2027",
    });
    expect(content.paragraphs).toContain("IV. TÓM TẮT CÁC VẤN ĐỀ TRỌNG TÂM CẦN CẢI TIẾN");
    expect(content.tables).toHaveLength(5); // the header block, Mục IV, V, VI, the signature block
    // The 2018 circular stays one choice away.
    await choice.selectOption("tt17-2018");
    expect(await choice.inputValue()).toBe("tt17-2018");
    await page.context().close();
  });
});
