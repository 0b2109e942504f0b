import * as React from "react";
import { createRoot } from "react-dom/client";
import { countingRunners } from "../hosts/counting";
import { detectHost } from "../hosts/office";
import { App } from "./components/App";
import { hostsFor } from "./hosts";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  // manifest.selftest.xml opens the pane with ?selftest: the self-test page, its syncs counted.
  const selfTest = new URLSearchParams(window.location.search).has("selftest");
  void detectHost().then((info) => {
    if (selfTest) {
      const runners = countingRunners();
      // The self-test page is its own chunk: the add-in's own pane never loads it.
      void import(/* webpackChunkName: "selftest" */ "./components/SelfTestPage").then(
        ({ SelfTestPage }) =>
          root.render(
            <SelfTestPage
              info={info}
              hosts={hostsFor(info, { word: runners.word, excel: runners.excel })}
              syncs={runners.count}
            />
          )
      );
    } else root.render(<App info={info} {...hostsFor(info)} />);
  });
}
