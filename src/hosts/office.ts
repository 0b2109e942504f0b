/**
 * What the task pane needs to know about where it runs: the Office application (or none), its
 * display language, its theme and the requirement sets it lacks. This file and the host adapters
 * are the only places that touch the `Office` global.
 */
import { findRequirementGaps, OfficeHostKind, RequirementGap } from "./requirements";

export type HostKind = OfficeHostKind | "none" | "unsupported";

export interface HostInfo {
  readonly kind: HostKind;
  /** Office's display language (e.g. "vi-VN", "en-US"); null outside Office. */
  readonly displayLanguage: string | null;
  /** The Office theme, when Office reports one. */
  readonly theme: "light" | "dark" | null;
  readonly gaps: readonly RequirementGap[];
  /** Office's own check of a requirement set (absent outside Office: nothing is supported). */
  readonly supports?: (name: string, version: string) => boolean;
}

export const NO_HOST: HostInfo = { kind: "none", displayLanguage: null, theme: null, gaps: [] };

/** How long to wait for Office.onReady before treating the page as opened outside Office. */
const READY_TIMEOUT_MS = 8000;

/** Relative luminance of a "#rrggbb" colour, 0 (black) to 1 (white); null if unparseable. */
export function luminance(color: string | undefined): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!match || !match[1]) return null;
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => ((value >> shift) & 0xff) / 255;
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

function officeTheme(): "light" | "dark" | null {
  try {
    const theme = Office.context.officeTheme;
    const l = luminance(theme?.bodyBackgroundColor);
    if (l === null) return null;
    return l < 0.5 ? "dark" : "light";
  } catch {
    return null; // officeTheme is not available on every platform
  }
}

function hostKind(host: Office.HostType | null | undefined): HostKind {
  if (host === undefined || host === null) return "none";
  if (host === Office.HostType.Word) return "word";
  if (host === Office.HostType.Excel) return "excel";
  return "unsupported";
}

/**
 * Waits for Office to be ready and describes the host. Never rejects: when office.js could not be
 * loaded (offline, plain browser) or does not answer in time, the pane runs in "no host" mode.
 */
export async function detectHost(timeoutMs: number = READY_TIMEOUT_MS): Promise<HostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return NO_HOST;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady(), timeout]);
    const kind = hostKind(info?.host);
    if (kind === "none" || kind === "unsupported") return { ...NO_HOST, kind };
    const isSupported = (name: string, version: string) =>
      Boolean(Office.context.requirements?.isSetSupported(name, version));
    return {
      kind,
      displayLanguage: Office.context.displayLanguage ?? null,
      theme: officeTheme(),
      gaps: findRequirementGaps(kind, isSupported),
      supports: isSupported,
    };
  } catch {
    return NO_HOST;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
