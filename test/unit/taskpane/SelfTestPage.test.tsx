/**
 * @jest-environment jsdom
 */
/**
 * The self-test page (taskpane.html?selftest, manifest.selftest.xml): the sets present, then one
 * row per verb with its outcome and round-trips, and a summary.
 */
import * as React from "react";
import { DOMParser } from "@xmldom/xmldom";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { SelfTestPage } from "../../../src/taskpane/components/SelfTestPage";
import { hostsFor } from "../../../src/taskpane/hosts";
import { clientSupports, OFFICE_CLIENTS, type OfficeClient } from "../../../src/hosts/clients";
import { countingRunners } from "../../../src/hosts/counting";
import { findRequirementGaps } from "../../../src/hosts/requirements";
import { NO_HOST, type HostInfo } from "../../../src/hosts/office";
import { fakeWordRun, wordModel } from "../../fakes/word";

const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;

describe("the self-test page", () => {
  it("on Word 2021 LTSC: lists the sets it has, runs every verb, says what is not on this Office", async () => {
    const client = OFFICE_CLIENTS.find((c) => c.id === "word-2021") as OfficeClient;
    const supports = clientSupports(client);
    const info: HostInfo = {
      kind: "word",
      displayLanguage: "vi-VN",
      theme: "light",
      gaps: findRequirementGaps("word", supports),
      supports,
    };
    const model = wordModel([""]);
    model.client = client;
    const runners = countingRunners(fakeWordRun(model).run);
    render(
      <SelfTestPage
        info={info}
        hosts={hostsFor(info, { word: runners.word, parse })}
        syncs={runners.count}
      />
    );
    expect(screen.getByText(/WordApi 1\.3 ✓/)).toBeTruthy();
    expect(screen.getByText(/WordApi 1\.4 ✗/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Chạy tự kiểm tra" }));
    await screen.findByText(/đạt, 2 không có trên bản Office này, 0 lỗi\./, undefined, {
      timeout: 8000,
    });
    const table = screen.getByRole("table", { name: "KHCT – Tự kiểm tra" });
    const row = (verb: string) =>
      [...within(table).getByText(verb).closest("tr")!.querySelectorAll("td")].map(
        (td) => td.textContent
      );
    expect(row("Đọc và điền bảng").slice(0, 3)).toEqual(["Đọc và điền bảng", "Đạt", "3"]);
    expect(row("Nhận xét trong tài liệu")[1]).toBe("Không có trên bản này");
  });

  it("outside Office: says where it runs", () => {
    render(<SelfTestPage info={NO_HOST} hosts={hostsFor(NO_HOST)} syncs={() => 0} />);
    expect(screen.getByText(/Tự kiểm tra chạy trong Word hoặc Excel/)).toBeTruthy();
  });
});
