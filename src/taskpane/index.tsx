import * as React from "react";
import { createRoot } from "react-dom/client";
import { detectHost } from "../hosts/office";
import { App } from "./components/App";
import { hostsFor } from "./hosts";

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  void detectHost().then((info) => root.render(<App info={info} {...hostsFor(info)} />));
}
