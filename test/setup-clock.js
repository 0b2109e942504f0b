// Every unit test runs on one fixed calendar day, so nothing depends on the day it runs: "quá hạn",
// the default "as of" date and the current school year are the same on every machine. Only Date is
// replaced; timers, microtasks and performance stay real, and the clock moves on in real time from
// that instant (advanceTimers), so code that measures elapsed time still sees it pass.
// A test that needs another day calls jest.setSystemTime(...).
const FIXED_NOW = new Date("2025-11-23T09:00:00+07:00");

jest.useFakeTimers({
  now: FIXED_NOW,
  advanceTimers: true,
  doNotFake: [
    "hrtime",
    "nextTick",
    "performance",
    "queueMicrotask",
    "requestAnimationFrame",
    "cancelAnimationFrame",
    "requestIdleCallback",
    "cancelIdleCallback",
    "setImmediate",
    "clearImmediate",
    "setInterval",
    "clearInterval",
    "setTimeout",
    "clearTimeout",
  ],
});

module.exports = { FIXED_NOW };

// Waiting on a result (findBy…, waitFor) ends as soon as the result shows; the bound only decides
// when to give up. Testing Library's 1 s default gives up on a busy 2-core machine (seen: a Fluent
// UI panel taking 1.5 s to render beside two CPU-bound processes), so the bound is generous.
if (typeof window !== "undefined") {
  require("@testing-library/dom").configure({ asyncUtilTimeout: 15_000 });
}
