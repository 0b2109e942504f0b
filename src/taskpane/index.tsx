import * as React from "react";
import { createRoot } from "react-dom/client";
import { detectHost } from "../hosts/office";
import { App } from "./components/App";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  // manifest.selftest.xml opens the pane with ?selftest: the self-test page, its syncs counted.
  const selfTest = new URLSearchParams(window.location.search).has("selftest");
  void detectHost().then(async (info) => {
    if (selfTest) {
      // The self-test page is its own chunk: the add-in's own pane never loads it.
      const [{ SelfTestPage }, { hostsFor }, { countingRunners }] = await Promise.all([
        import(/* webpackChunkName: "selftest" */ "./components/SelfTestPage"),
        import(/* webpackChunkName: "hosts" */ "./hosts"),
        import(/* webpackChunkName: "selftest" */ "../hosts/counting"),
      ]);
      const runners = countingRunners();
      root.render(
        <SelfTestPage
          info={info}
          hosts={hostsFor(info, { word: runners.word, excel: runners.excel })}
          syncs={runners.count}
        />
      );
    } else if (info.kind === "none") {
      // Outside Office the Word and Excel adapters are never loaded.
      root.render(<App info={info} />);
    } else {
      const { hostsFor } = await import(/* webpackChunkName: "hosts" */ "./hosts");
      root.render(<App info={info} {...hostsFor(info)} />);
    }
  });
}
