import * as React from "react";
import { createRoot } from "react-dom/client";
import { countingRunners } from "../hosts/counting";
import { detectHost } from "../hosts/office";
import { App } from "./components/App";
import { SelfTestPage } from "./components/SelfTestPage";
import { hostsFor } from "./hosts";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  // manifest.selftest.xml opens the pane with ?selftest: the self-test page, its syncs counted.
  const selfTest = new URLSearchParams(window.location.search).has("selftest");
  void detectHost().then((info) => {
    if (selfTest) {
      const runners = countingRunners();
      root.render(
        <SelfTestPage
          info={info}
          hosts={hostsFor(info, { word: runners.word, excel: runners.excel })}
          syncs={runners.count}
        />
      );
    } else root.render(<App info={info} {...hostsFor(info)} />);
  });
}
