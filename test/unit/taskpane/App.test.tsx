/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { App } from "../../../src/taskpane/components/App";
import { renderApp } from "./renderApp";
import type { HostInfo } from "../../../src/hosts/office";
import { NO_HOST } from "../../../src/hosts/office";
import { findRequirementGaps } from "../../../src/hosts/requirements";

const word = (displayLanguage: string, gaps: HostInfo["gaps"] = []): HostInfo => ({
  kind: "word",
  displayLanguage,
  theme: "light",
  gaps,
});

/** A Fluent tab renders its label twice (one copy reserves the bold width); read the visible one. */
const tabName = (tab: HTMLElement) =>
  tab.querySelector(".fui-Tab__content:not(.fui-Tab__content--reserved-space)")?.textContent ?? "";

beforeEach(() => window.localStorage.clear());

describe("task pane outside Office", () => {
  it("loads and says, in Vietnamese, that it is not inside Word/Excel", async () => {
    await renderApp(<App info={NO_HOST} />);
    expect(screen.getByRole("heading", { name: "KHCT" })).toBeTruthy();
    expect(screen.getByText("KHCT đang mở ngoài Word/Excel")).toBeTruthy();
    expect(document.documentElement.lang).toBe("vi");
  });

  it("refuses a file over 50 MB by its size, without reading it", async () => {
    await renderApp(<App info={NO_HOST} />);
    const input = screen.getByLabelText("Mở tệp .docx/.xlsx") as HTMLInputElement;
    const huge = new File(["x"], "phim.docx");
    let read = false;
    Object.defineProperty(huge, "size", { value: 700 * 1024 * 1024 });
    Object.defineProperty(huge, "arrayBuffer", {
      value: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(1));
      },
    });
    fireEvent.change(input, { target: { files: [huge] } });
    expect(screen.getByText(/Không mở được tệp “phim.docx”: tệp lớn hơn 50 MB/)).toBeTruthy();
    expect(read).toBe(false);
  });

  it("offers the five capabilities as tabs, and switches panels (each loaded when first opened)", async () => {
    await renderApp(<App info={NO_HOST} />);
    const tabs = screen.getAllByRole("tab").map(tabName);
    expect(tabs).toEqual([
      "Danh mục tiêu chí",
      "Lập kế hoạch",
      "Kiểm tra",
      "Định dạng",
      "Theo dõi",
    ]);
    fireEvent.click(screen.getByRole("tab", { name: "Định dạng" }));
    await waitFor(() =>
      expect(screen.getByRole("tabpanel").textContent).toMatch(/Nghị định 30\/2020/)
    );
  });

  it("switches to English on request and remembers the choice on this machine", async () => {
    const { unmount } = await renderApp(<App info={NO_HOST} />);
    fireEvent.change(screen.getByLabelText("Ngôn ngữ"), { target: { value: "en" } });
    expect(screen.getByText("KHCT is open outside Word/Excel")).toBeTruthy();
    expect(window.localStorage.getItem("khct.locale")).toBe("en");
    unmount();
    await renderApp(<App info={NO_HOST} />);
    expect(screen.getByRole("tab", { name: "Criteria catalogue" })).toBeTruthy();
  });
});

describe("task pane inside Office", () => {
  it("speaks English when Office's display language is English", async () => {
    await renderApp(<App info={word("en-US")} />);
    expect(screen.getByText("Working in Word")).toBeTruthy();
    expect(screen.getAllByRole("tab").map(tabName)).toEqual([
      "Criteria catalogue",
      "Planning",
      "Check",
      "Format",
      "Tracking",
    ]);
    expect(screen.queryByText(/outside Word\/Excel/)).toBeNull();
  });

  it("speaks Vietnamese for any other display language", async () => {
    await renderApp(
      <App info={{ kind: "excel", displayLanguage: "fr-FR", theme: null, gaps: [] }} />
    );
    expect(screen.getByText("Đang làm việc trong Excel")).toBeTruthy();
  });

  it("explains what an old Office cannot do, naming the missing API sets", async () => {
    const gaps = findRequirementGaps(
      "word",
      (name, version) => name === "WordApi" && Number(version) <= 1.2
    );
    await renderApp(<App info={word("vi-VN", gaps)} />);
    expect(screen.getByText("Phiên bản Office này quá cũ cho KHCT")).toBeTruthy();
    expect(screen.getByText("Đọc và ghi bảng kế hoạch")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(/WordApi 1\.3/);
  });

  it("only informs when optional features are missing", async () => {
    const gaps = findRequirementGaps("excel", (name, version) => Number(version) < 1.9);
    await renderApp(
      <App info={{ kind: "excel", displayLanguage: "vi-VN", theme: "dark", gaps }} />
    );
    expect(screen.getByText("Một số chức năng không có trên phiên bản Office này")).toBeTruthy();
    expect(screen.queryByText("Phiên bản Office này quá cũ cho KHCT")).toBeNull();
  });

  it("renders the React tree without warnings", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await renderApp(<App info={word("vi-VN")} />);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
