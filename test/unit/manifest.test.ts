import * as fs from "fs";
import * as path from "path";
const { checkManifest } = require("../../scripts/manifest-check.js") as {
  checkManifest: (
    xml: string,
    options?: { distDir?: string; requiredLocales?: string[]; requiredHosts?: string[] }
  ) => {
    errors: string[];
    warnings: string[];
    info: { hosts: string[]; locales: string[]; urls: string[]; permissions?: string };
  };
};

const ROOT = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const STRICT = { requiredLocales: ["en-US"], requiredHosts: ["Workbook", "Document"] };

describe("manifest.xml", () => {
  it("parses and passes the structural check", () => {
    const result = checkManifest(xml, STRICT);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("names both hosts, least permission that works, vi-VN with en-US", () => {
    const { info } = checkManifest(xml, STRICT);
    expect(info.hosts.sort()).toEqual(["Document", "Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.locales).toEqual(["vi-VN", "en-US"]);
  });

  it("has Vietnamese defaults and English overrides for every string", () => {
    expect(xml).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    const strings = [
      ...xml.matchAll(
        /<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"/g
      ),
    ];
    expect(strings.length).toBe(5);
    expect(xml).toContain('DefaultValue="Kế hoạch cải tiến"');
  });

  describe("the check catches broken manifests", () => {
    const broken = (from: string | RegExp, to: string) =>
      checkManifest(xml.replace(from, to), STRICT).errors;

    it.each([
      ["a missing host", '<Host Name="Document"/>', "", /Hosts does not name Document/],
      ["a non-GUID id", /<Id>[^<]+<\/Id>/, "<Id>khct</Id>", /Id must be a GUID/],
      [
        "an http URL",
        'SourceLocation DefaultValue="https://',
        'SourceLocation DefaultValue="http://',
        /must be an https URL/,
      ],
      [
        "an undefined resid",
        'resid="Taskpane.Url"',
        'resid="Taskpane.Nope"',
        /resid "Taskpane.Nope"/,
      ],
      [
        "a missing English override",
        /<Override Locale="en-US" Value="KHCT - Quality improvement plan"\/>/,
        "",
        /DisplayName has no en-US override/,
      ],
      [
        "a missing required element",
        /(<Permissions>ReadWriteDocument<\/Permissions>)/,
        "",
        /Missing required element Permissions/,
      ],
      [
        "a host-specific requirement set",
        "<DefaultSettings>",
        '<Requirements><Sets><Set Name="ExcelApi" MinVersion="1.7"/></Sets></Requirements><DefaultSettings>',
        /keep the add-in out/,
      ],
      ["malformed XML", "</OfficeApp>", "", /invalid XML/],
    ])("%s", (_name, from, to, message) => {
      expect(broken(from, to).join("\n")).toMatch(message);
    });

    it("elements out of schema order", () => {
      const moved = xml
        .replace("<Permissions>ReadWriteDocument</Permissions>", "")
        .replace("<Hosts>", "<Permissions>ReadWriteDocument</Permissions><Hosts>");
      expect(checkManifest(moved, STRICT).errors.join("\n")).toMatch(
        /out of schema order: Hosts after Permissions/
      );
    });

    it("files missing from the build", () => {
      const result = checkManifest(xml, { ...STRICT, distDir: path.join(ROOT, "test") });
      expect(result.errors.join("\n")).toMatch(/taskpane\.html, which the build did not produce/);
    });
  });
});

describe("manifest.selftest.xml (the self-test add-in)", () => {
  const { selftestManifest, SELFTEST_ID } = require("../../scripts/selftest-manifest.js") as {
    selftestManifest: (xml: string) => string;
    SELFTEST_ID: string;
  };
  const selftest = fs.readFileSync(path.join(ROOT, "manifest.selftest.xml"), "utf8");

  it("is manifest.xml with its own id and name, opening the pane's self-test (regenerate with node scripts/selftest-manifest.js)", () => {
    expect(selftest).toBe(selftestManifest(xml));
    expect(selftest).toContain(`<Id>${SELFTEST_ID}</Id>`);
    expect(selftest).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html?selftest=1"/>'
    );
    expect(selftest).not.toMatch(/taskpane\.html"/);
  });

  it("passes the same structural check", () => {
    const result = checkManifest(selftest, STRICT);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
