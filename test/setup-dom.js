// jsdom has no ResizeObserver; Fluent UI's MessageBar measures itself with one. Browsers all have
// it (the browser tests run the real thing); here a no-op stands in.
if (typeof window !== "undefined" && typeof window.ResizeObserver === "undefined") {
  window.ResizeObserver = class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
