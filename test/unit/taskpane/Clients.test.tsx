/**
 * @jest-environment jsdom
 */
/**
 * The whole pane on each Office client KHCT supports (src/hosts/clients.ts, README's "Phiên bản
 * Office được hỗ trợ"), wired as the add-in wires it (taskpane/hosts.ts) onto fakes that behave as
 * that client — a call of a set it lacks fails with ApiNotFound. Each feature either works or says
 * it is not available on this Office; none ever fails on a missing API (issue 17).
 */
import * as React from "react";
import { DOMParser } from "@xmldom/xmldom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/components/App";
import { renderApp } from "./renderApp";
import { hostsFor } from "../../../src/taskpane/hosts";
import { clientSupports, OFFICE_CLIENTS, type OfficeClient } from "../../../src/hosts/clients";
import { findRequirementGaps } from "../../../src/hosts/requirements";
import type { HostInfo } from "../../../src/hosts/office";
import { fakeExcelRun } from "../../fakes/excel";
import { fakeWordRun } from "../../fakes/word";
import { excelPlanSheet, wordPlanWithLabelSlip } from "../../fakes/plans";

const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;

function infoOf(client: OfficeClient): HostInfo {
  const supports = clientSupports(client);
  return {
    kind: client.host,
    displayLanguage: "vi-VN",
    theme: "light",
    gaps: findRequirementGaps(client.host, supports),
    supports,
  };
}

async function renderOn(client: OfficeClient) {
  const info = infoOf(client);
  if (client.host === "word") {
    const model = wordPlanWithLabelSlip();
    model.client = client;
    await renderApp(
      <App info={info} {...hostsFor(info, { word: fakeWordRun(model).run, parse })} />
    );
    return { info };
  }
  const model = excelPlanSheet();
  model.client = client;
  await renderApp(<App info={info} {...hostsFor(info, { excel: fakeExcelRun(model).run })} />);
  return { info };
}

const tab = (name: string) => fireEvent.click(screen.getByRole("tab", { name }));
const noApiError = () =>
  expect(document.body.textContent ?? "").not.toMatch(/ApiNotFound|không theo dõi được/);

beforeEach(() => window.localStorage.clear());

describe.each(OFFICE_CLIENTS.map((c) => [c.name, c] as const))("the pane on %s", (_, client) => {
  const { gaps } = infoOf(client);
  const lacks = (feature: string) => gaps.some((g) => g.feature === feature);
  const essential = gaps.some((g) => g.essential);

  if (essential) {
    it("says this Office is too old, naming the sets it lacks, and offers nothing that would fail", async () => {
      await renderOn(client);
      expect(screen.getByText("Phiên bản Office này quá cũ cho KHCT")).toBeTruthy();
      expect(document.body.textContent).toMatch(
        client.host === "word" ? /WordApi 1\.3/ : /ExcelApi 1\.7/
      );
      tab("Kiểm tra");
      expect(screen.queryByRole("button", { name: "Kiểm tra lại" })).toBeNull();
    });
    return;
  }

  it("checks the plan; offers native comments only where Office has them", async () => {
    await renderOn(client);
    tab("Kiểm tra");
    // The check runs on opening: its summary line, then the findings.
    const panel = await screen.findByRole("tabpanel");
    await waitFor(
      () =>
        expect(
          within(panel)
            .queryAllByRole("status")
            .some((el) => /lỗi|cảnh báo|gợi ý/i.test(el.textContent ?? ""))
        ).toBe(true),
      { timeout: 5000 }
    );
    const comments = screen.queryByRole("button", { name: "Gắn thành nhận xét trong tài liệu" });
    expect(comments !== null).toBe(!lacks("comments"));
    if (comments) {
      fireEvent.click(comments);
      await screen.findByText(/nhận xét/i);
    }
    noApiError();
  });

  it("formats, or says formatting needs a newer Office", async () => {
    await renderOn(client);
    tab("Định dạng");
    if (client.host === "excel" && lacks("pageSetup")) {
      await screen.findByText(/cần Excel có bộ API ExcelApi 1\.9/);
      return;
    }
    const apply = await screen.findByRole(
      "button",
      { name: "Định dạng theo chuẩn" },
      { timeout: 5000 }
    );
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(apply);
    await screen.findByText(/Đã định dạng/, undefined, { timeout: 5000 });
    noApiError();
  });

  it("fills the plan and tracks it", async () => {
    await renderOn(client);
    tab("Lập kế hoạch");
    await screen.findByText(/Bảng kế hoạch/, undefined, { timeout: 5000 });
    tab("Theo dõi");
    const report = await screen.findByRole("region", { name: "Báo cáo giám sát" });
    await within(report).findByText("Cả kế hoạch", undefined, { timeout: 5000 });
    noApiError();
  });
});
