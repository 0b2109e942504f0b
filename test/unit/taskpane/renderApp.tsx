import * as React from "react";
import { act, render, screen, type RenderResult } from "@testing-library/react";

/**
 * Renders the pane and waits for its workspace chunk (App.tsx loads everything below the header on
 * demand): the tabs are there when this resolves.
 */
export async function renderApp(ui: React.ReactElement): Promise<RenderResult> {
  let result: RenderResult | null = null;
  await act(async () => {
    result = render(ui);
  });
  await screen.findAllByRole("tab");
  return result as unknown as RenderResult;
}
