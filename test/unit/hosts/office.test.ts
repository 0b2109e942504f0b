import { detectHost, luminance, NO_HOST } from "../../../src/hosts/office";
import { findRequirementGaps, REQUIREMENTS } from "../../../src/hosts/requirements";

type OfficeLike = Record<string, unknown>;

function installOffice(office: OfficeLike | undefined): void {
  (globalThis as unknown as { Office?: OfficeLike }).Office = office;
}

function fakeOffice(
  host: string | null,
  options: {
    language?: string;
    background?: string;
    supported?: (n: string, v: string) => boolean;
  } = {}
): OfficeLike {
  return {
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint" },
    onReady: () => Promise.resolve({ host, platform: host ? "PC" : null }),
    context: {
      displayLanguage: options.language ?? "vi-VN",
      officeTheme: options.background ? { bodyBackgroundColor: options.background } : undefined,
      requirements: { isSetSupported: options.supported ?? (() => true) },
    },
  };
}

afterEach(() => installOffice(undefined));

describe("detectHost", () => {
  it("says 'none' when office.js is not loaded at all", async () => {
    installOffice(undefined);
    await expect(detectHost()).resolves.toEqual(NO_HOST);
  });

  it("says 'none' in a plain browser (onReady with no host)", async () => {
    installOffice(fakeOffice(null));
    expect((await detectHost()).kind).toBe("none");
  });

  it("says 'none' when Office never answers", async () => {
    installOffice({ ...fakeOffice(null), onReady: () => new Promise(() => undefined) });
    expect((await detectHost(20)).kind).toBe("none");
  });

  it("recognises Word and Excel, with language and theme", async () => {
    installOffice(fakeOffice("Word", { language: "en-US", background: "#1f1f1f" }));
    const word = await detectHost();
    expect(word).toEqual({
      kind: "word",
      displayLanguage: "en-US",
      theme: "dark",
      gaps: [],
      supports: expect.any(Function),
    });
    // Office's own check, for what the pane picks at start (Excel's workbook-wide events).
    expect(word.supports?.("WordApi", "1.3")).toBe(true);
    installOffice(fakeOffice("Excel", { background: "#ffffff" }));
    expect(await detectHost()).toMatchObject({
      kind: "excel",
      displayLanguage: "vi-VN",
      theme: "light",
    });
  });

  it("calls other applications unsupported", async () => {
    installOffice(fakeOffice("PowerPoint"));
    expect((await detectHost()).kind).toBe("unsupported");
  });

  it("reports the requirement sets an old Office lacks", async () => {
    // Word 2016 MSI: WordApi 1.1 and 1.2 only.
    const word2016 = (name: string, version: string) =>
      name === "WordApi" && Number(version) <= 1.2;
    installOffice(fakeOffice("Word", { supported: word2016 }));
    const info = await detectHost();
    expect(info.gaps.map((g) => g.feature)).toEqual([
      "core",
      "documentMetadata",
      "fillTable",
      "changeEvents",
      "comments",
      "pageSetup",
    ]);
    expect(info.gaps.find((g) => g.feature === "core")).toMatchObject({
      essential: true,
      missing: [{ name: "WordApi", minVersion: "1.3" }],
    });
  });
});

describe("requirements", () => {
  it("declares a floor for each host and reports no gap when everything is supported", () => {
    for (const host of ["word", "excel"] as const) {
      expect(REQUIREMENTS[host].find((r) => r.feature === "core")?.essential).toBe(true);
      expect(findRequirementGaps(host, () => true)).toEqual([]);
      expect(findRequirementGaps(host, () => false).length).toBe(REQUIREMENTS[host].length);
    }
  });
});

describe("luminance", () => {
  it.each([
    ["#000000", 0],
    ["#ffffff", 1],
    ["FFFFFF", 1],
  ])("%s", (color, expected) => expect(luminance(color)).toBeCloseTo(expected));
  it("rejects what is not a colour", () => {
    expect(luminance("red")).toBeNull();
    expect(luminance(undefined)).toBeNull();
  });
});
