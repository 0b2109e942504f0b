/**
 * @jest-environment jsdom
 */
/**
 * The pane's state (issue 19): what the user picked or typed in a panel survives a tab switch; a
 * slow read that resolves after a newer one is dropped; KHCT's writes run one at a time.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/taskpane/components/App";
import { CheckPanel } from "../../../src/taskpane/components/CheckPanel";
import { frameworkById, type Framework } from "../../../src/core/catalogue";
import type { CheckHost, DocumentContent } from "../../../src/hosts/adapter";
import { createWriteToken } from "../../../src/hosts/ownWrites";
import { hostsFor } from "../../../src/taskpane/hosts";
import type { HostInfo } from "../../../src/hosts/office";
import { fakeExcelRun, type ExcelModel } from "../../fakes/excel";
import { excelPlanSheet } from "../../fakes/plans";
import { renderApp } from "./renderApp";
import { DocumentVersionContext } from "../../../src/taskpane/hooks/useDocumentVersion";

const excel: HostInfo = { kind: "excel", displayLanguage: "vi-VN", theme: "light", gaps: [] };
const tab = (name: string) => fireEvent.click(screen.getByRole("tab", { name }));

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => window.localStorage.clear());

describe("a tab switch", () => {
  async function openPlanTab(model: ExcelModel) {
    await renderApp(<App info={excel} {...hostsFor(excel, { excel: fakeExcelRun(model).run })} />);
    tab("Lập kế hoạch");
    await screen.findByText(/Bảng kế hoạch/, undefined, { timeout: 5000 });
  }

  it("keeps the results given by hand, the target, the ticks and the edited proposals", async () => {
    const model = excelPlanSheet();
    await openPlanTab(model);
    fireEvent.change(
      await screen.findByRole("combobox", { name: "Kết quả tự đánh giá: Tiêu chí 1.1" }),
      {
        target: { value: "1" },
      }
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Kết quả tự đánh giá: Tiêu chí 1.2" }), {
      target: { value: "1" },
    });
    const task = screen.getByRole("textbox", {
      name: /^Công việc\/giải pháp: Tiêu chí 1\.1 → Mức/,
    });
    const name = task.getAttribute("aria-label") ?? "";
    fireEvent.change(task, { target: { value: "Rà soát quy chế của trường" } });
    fireEvent.click(screen.getByRole("checkbox", { name: /^Tiêu chí 1\.2 → Mức/ }));
    const before = screen.getByRole("region", { name: "Xem trước" }).textContent;

    tab("Kiểm tra");
    await screen.findByRole("button", { name: "Kiểm tra lại" }, { timeout: 5000 });
    tab("Lập kế hoạch");

    const back = await screen.findByRole("textbox", { name }, { timeout: 5000 });
    expect((back as HTMLInputElement).value).toBe("Rà soát quy chế của trường");
    expect(
      (
        screen.getByRole("combobox", {
          name: "Kết quả tự đánh giá: Tiêu chí 1.1",
        }) as HTMLSelectElement
      ).value
    ).toBe("1");
    expect(
      (screen.getByRole("checkbox", { name: /^Tiêu chí 1\.2 → Mức/ }) as HTMLInputElement).checked
    ).toBe(false);
    await waitFor(() =>
      expect(screen.getByRole("region", { name: "Xem trước" }).textContent).toBe(before)
    );
    // Nothing was written by going back and forth.
    expect([...(model.sheets[0]?.cells.values() ?? [])].map(String)).not.toContain(
      "Rà soát quy chế của trường"
    );
  });

  it("keeps the catalogue's search", async () => {
    await openPlanTab(excelPlanSheet());
    tab("Danh mục tiêu chí");
    const search = await screen.findByRole("searchbox");
    fireEvent.change(search, { target: { value: "thu vien" } });
    tab("Kiểm tra");
    tab("Danh mục tiêu chí");
    expect(((await screen.findByRole("searchbox")) as HTMLInputElement).value).toBe("thu vien");
  });
});

describe("reads", () => {
  const tt17 = frameworkById("tt17-2018") as Framework;
  const content = (paragraphs: string[]): DocumentContent =>
    ({ paragraphs, tables: [], dismissed: [] }) as unknown as DocumentContent;

  it("a read that ends after a newer one is dropped: the panel shows the newer document", async () => {
    const reads = [deferred<DocumentContent>(), deferred<DocumentContent>()];
    let n = 0;
    const host = {
      readDocument: () => (reads[n++] as (typeof reads)[number]).promise,
    } as unknown as CheckHost;
    const at = (version: number) => (
      <FluentProvider theme={webLightTheme}>
        <DocumentVersionContext.Provider value={version}>
          <CheckPanel framework={tt17} level="tieu-hoc" host={host} />
        </DocumentVersionContext.Provider>
      </FluentProvider>
    );
    const { rerender } = render(at(0));
    // The first read is slow; meanwhile a co-author changes the document and the panel reads again.
    rerender(at(1));
    await waitFor(() => expect(n).toBe(2));
    await act(async () => reads[1]?.resolve(content(["KẾ HOẠCH MỚI"])));
    const after = document.body.textContent;
    // The old read arrives last, failed: what it says is not shown, and the panel is not busy.
    await act(async () => reads[0]?.reject(new Error("bản đọc cũ hỏng")));
    expect(document.body.textContent).toBe(after);
  });
});

describe("writes", () => {
  it("run one at a time, in order, a failed one not blocking the next", async () => {
    const token = createWriteToken(0);
    const first = deferred<string>();
    const log: string[] = [];
    const a = token.during(async () => {
      log.push("a starts");
      const v = await first.promise;
      log.push("a ends");
      return v;
    });
    const b = token.during(async () => {
      log.push("b starts");
      throw new Error("b fails");
    });
    const c = token.during(async () => {
      log.push("c runs");
      return "c";
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(["a starts"]);
    expect(token.own()).toBe(true);
    first.resolve("a");
    await expect(a).resolves.toBe("a");
    await expect(b).rejects.toThrow("b fails");
    await expect(c).resolves.toBe("c");
    expect(log).toEqual(["a starts", "a ends", "b starts", "c runs"]);
  });
});
