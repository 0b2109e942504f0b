/**
 * @jest-environment jsdom
 */
/**
 * The shell around the panels (issue 19): a panel's render error stays in the panel, with a
 * Vietnamese message and a way to open it again; outside Office the browser's dark setting is
 * followed.
 */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PanelGuard } from "../../../src/taskpane/components/PanelGuard";
import { App } from "../../../src/taskpane/components/App";
import { renderApp } from "./renderApp";
import { NO_HOST } from "../../../src/hosts/office";

beforeEach(() => window.localStorage.clear());

describe("a panel's error", () => {
  it("is shown in the panel, in Vietnamese, and the panel can be opened again", () => {
    let fail = true;
    function Fragile(): React.JSX.Element {
      if (fail) throw new Error("dữ liệu lạ");
      return <p>Đã mở lại</p>;
    }
    // React reports the caught error on the console; the test expects it.
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <p>Phần còn lại của ngăn</p>
        <PanelGuard resetKey="check">
          <Fragile />
        </PanelGuard>
      </FluentProvider>
    );
    quiet.mockRestore();
    expect(screen.getByRole("alert").textContent).toMatch(
      /Mục này gặp lỗi không lường trước \(dữ liệu lạ\); tài liệu không bị thay đổi\./
    );
    expect(screen.getByText("Phần còn lại của ngăn")).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Mở lại mục này" }));
    expect(screen.getByText("Đã mở lại")).toBeTruthy();
  });
});

describe("the theme outside Office", () => {
  const withScheme = (dark: boolean) =>
    Object.defineProperty(window, "matchMedia", {
      configurable: true,
      value: (query: string) => ({
        matches: dark && query === "(prefers-color-scheme: dark)",
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }),
    });
  afterEach(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  it("follows the browser's dark setting (Fluent's dark background), and light otherwise", async () => {
    withScheme(true);
    const { container, unmount } = await renderApp(<App info={NO_HOST} />);
    const dark = (container.querySelector(".fui-FluentProvider") as HTMLElement).className;
    unmount();
    withScheme(false);
    const { container: light } = await renderApp(<App info={NO_HOST} />);
    const lightClass = (light.querySelector(".fui-FluentProvider") as HTMLElement).className;
    expect(dark).not.toBe(lightClass);
  });
});
