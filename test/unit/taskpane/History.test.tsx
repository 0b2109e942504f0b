/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { DOMParser } from "@xmldom/xmldom";
import { fireEvent, screen, within } from "@testing-library/react";
import { App } from "../../../src/taskpane/components/App";
import { renderApp } from "./renderApp";
import { createWordCheckHost } from "../../../src/hosts/word/checkHost";
import { createWordPlanTableHost } from "../../../src/hosts/word/planTables";
import { createWordAdapter } from "../../../src/hosts/word/wordAdapter";
import { fakeWordRun, type WordModel } from "../../fakes/word";
import { wordPlanWithLabelSlip } from "../../fakes/plans";

const parse = (xml: string) =>
  new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;

const plan = wordPlanWithLabelSlip;

async function openPlan(model: WordModel) {
  const fake = fakeWordRun(model);
  await renderApp(
    <App
      info={{ kind: "word", displayLanguage: "vi-VN", theme: "light", gaps: [] }}
      adapter={createWordAdapter(fake.run)}
      planHost={createWordPlanTableHost(fake.run, parse)}
      checkHost={createWordCheckHost(fake.run, parse)}
    />
  );
}

async function fixLabel() {
  fireEvent.click(await screen.findByRole("tab", { name: "Kiểm tra" }));
  const finding = (await screen.findByText(/Nhãn “Tiêu chí 1\. 2” viết chưa đúng dạng/)).closest(
    "article"
  ) as HTMLElement;
  fireEvent.click(within(finding).getByRole("button", { name: "Sửa" }));
  fireEvent.click(within(finding).getByRole("button", { name: "Áp dụng" }));
  await screen.findByText("Đã sửa 1 ô.");
}

describe("the history card", () => {
  it("is absent until KHCT changes something", async () => {
    await openPlan(plan());
    await screen.findByRole("tab", { name: "Kiểm tra" });
    expect(screen.queryByRole("group", { name: "Hoàn tác thao tác của KHCT" })).toBeNull();
  });

  it("undoes a fix after a preview, and the panels read the document again", async () => {
    const model = plan();
    await openPlan(model);
    await fixLabel();
    expect(model.tables[0]!.rows[3]!.cells[1]!.text).toBe("Tiêu chí 1.2");
    const card = screen.getByRole("group", { name: "Hoàn tác thao tác của KHCT" });
    expect(
      within(card).getByText(/^Gần nhất: Sửa theo Kiểm tra — Bảng 1: 1 ô \(\d\d:\d\d\)$/)
    ).toBeTruthy();
    fireEvent.click(within(card).getByRole("button", { name: "Hoàn tác…" }));
    await within(card).findByText("Hoàn tác sẽ trả 1 ô về như trước và gỡ 0 dòng KHCT đã thêm.");
    // Nothing changes before the user confirms.
    expect(model.tables[0]!.rows[3]!.cells[1]!.text).toBe("Tiêu chí 1.2");
    fireEvent.click(within(card).getByRole("button", { name: "Hoàn tác" }));
    await screen.findByText("Đã hoàn tác “Sửa theo Kiểm tra”: trả 1 ô về như trước, gỡ 0 dòng.");
    expect(model.tables[0]!.rows[3]!.cells[1]!.text).toBe("Tiêu chí 1. 2");
    // The check panel read the document again: the finding is back.
    await screen.findByText(/Nhãn “Tiêu chí 1\. 2” viết chưa đúng dạng/);
    expect(screen.queryByText(/^Gần nhất:/)).toBeNull();
  });

  it("after a co-author changed the cell, says what it keeps and offers to forget the operation", async () => {
    const model = plan();
    await openPlan(model);
    await fixLabel();
    model.tables[0]!.rows[3]!.cells[1]!.text = "Tiêu chí 1.2 (cô Hoa)";
    const card = screen.getByRole("group", { name: "Hoàn tác thao tác của KHCT" });
    fireEvent.click(within(card).getByRole("button", { name: "Hoàn tác…" }));
    await within(card).findByText(
      "Giữ nguyên vì đã có người sửa sau thao tác của KHCT: Tiêu chí 1.2."
    );
    expect(within(card).queryByRole("button", { name: "Hoàn tác" })).toBeNull();
    fireEvent.click(within(card).getByRole("button", { name: "Bỏ khỏi lịch sử" }));
    expect(screen.queryByRole("group", { name: "Hoàn tác thao tác của KHCT" })).toBeNull();
    expect(model.tables[0]!.rows[3]!.cells[1]!.text).toBe("Tiêu chí 1.2 (cô Hoa)");
  });
});
