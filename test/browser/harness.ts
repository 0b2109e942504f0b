/**
 * Browser test harness: serves the production build (dist/) on 127.0.0.1 and drives Debian's
 * chromium through playwright-core (no browser download). Requests to Microsoft's Office.js CDN
 * are answered from the @microsoft/office-js package, so no test reaches the network; any other
 * request that leaves localhost is recorded and refused.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import finalhandler from "finalhandler";
import serveStatic from "serve-static";
import { chromium, type Browser, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
const OFFICE_JS_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.+)$/;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function serveDist(): Promise<StaticServer> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does).");
  }
  const serve = serveStatic(DIST);
  const server = http.createServer((req, res) => serve(req, res, finalhandler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PageLog {
  readonly consoleErrors: string[];
  /**
   * Requests that would have left this machine, refused. With Office.js "none" or "blocked" the
   * page holds only KHCT's own code, so anything here is KHCT's: tests assert it stays empty.
   */
  readonly external: string[];
  /** Requests for Office.js answered from the local package. */
  readonly officeJs: string[];
}

/** The calendar day every page sees (Date only; timers run normally), as in the unit tests. */
export const FIXED_NOW = new Date("2025-11-23T09:00:00+07:00");

/**
 * Opens a page whose network is confined to localhost: every other request is refused and listed
 * in `log.external`, so no test can reach the network, whatever the timing.
 * @param officeJs "none": the Office.js script is answered with an empty script, as a plain browser
 *   outside Office runs KHCT (file mode needs no Office.js); "local": answered from the
 *   @microsoft/office-js package, whose own background requests (telemetry, seconds after load)
 *   are refused and listed like any other; "blocked": the request fails, as offline.
 */
export async function openPage(
  browser: Browser,
  officeJs: "none" | "local" | "blocked",
  viewport = { width: 360, height: 720 }
): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({ viewport, locale: "vi-VN" });
  const log: PageLog = { consoleErrors: [], external: [], officeJs: [] };
  const refused = new Set<string>();
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const cdn = OFFICE_CDN.exec(url);
    if (cdn && cdn[1]) {
      log.officeJs.push(url);
      if (officeJs === "blocked") return route.abort("internetdisconnected");
      if (officeJs === "none")
        return route.fulfill({ status: 200, contentType: "application/javascript", body: "" });
      const file = path.join(OFFICE_JS_DIST, cdn[1].toLowerCase());
      if (file.startsWith(OFFICE_JS_DIST) && fs.existsSync(file)) {
        return route.fulfill({
          status: 200,
          contentType: "application/javascript",
          body: fs.readFileSync(file),
        });
      }
      return route.fulfill({ status: 404, body: "" });
    }
    const { hostname } = new URL(url);
    if (
      hostname === "127.0.0.1" ||
      hostname === "localhost" ||
      url.startsWith("data:") ||
      url.startsWith("blob:")
    ) {
      return route.continue();
    }
    log.external.push(url);
    refused.add(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(FIXED_NOW);
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // The browser's own line for a request the harness refused is not the page's error.
    if (refused.has(message.location().url)) return;
    log.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => log.consoleErrors.push(String(error)));
  return { page, log };
}

/**
 * Waits until the pane is whole: the shell paints first and the workspace (tabs, file card,
 * panels) arrives as its own chunk, so a test that reads or measures the pane waits for the tabs.
 */
export async function workspaceReady(page: Page): Promise<void> {
  await page.getByRole("tablist").waitFor();
}
