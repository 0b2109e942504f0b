// The bundle-size benchmark's point of comparison: a bare React + Fluent UI v9 shell built with the
// same webpack config as the task pane (npm run bench reports both).
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  Subtitle1,
  TabList,
  Tab,
  MessageBar,
  MessageBarBody,
  webLightTheme,
} from "@fluentui/react-components";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Subtitle1>Baseline</Subtitle1>
      <MessageBar>
        <MessageBarBody>Baseline</MessageBarBody>
      </MessageBar>
      <TabList>
        <Tab value="a">A</Tab>
      </TabList>
    </FluentProvider>
  );
}
