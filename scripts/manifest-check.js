// Offline structural check of the add-in only (XML) manifest.
//
// `office-addin-manifest validate` posts the manifest to an online Microsoft service, which is not
// reachable from KHCT's build machines, and the manifest XSD schemas are not published in any
// package on the npm registry. So this script checks, offline, what the schemas and the store's
// validator check and what has bitten KHCT: element order of the base manifest, ids, versions,
// string lengths, https URLs, hosts, locales and their overrides, resource ids, icon sizes,
// requirement sets, and (with --dist) that every URL points at a file the build produced.

const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

// Sequence of OfficeApp's children for a TaskPaneApp (offappmanifest 1.1 schema).
const BASE_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const REQUIRED_BASE = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];
const PERMISSIONS = [
  "Restricted",
  "ReadDocument",
  "ReadAllDocument",
  "WriteDocument",
  "ReadWriteDocument",
];
const HOST_SPECIFIC_SETS =
  /^(ExcelApi|WordApi|WordApiDesktop|PowerPointApi|OneNoteApi|OutlookApi|Mailbox|VisioApi|ProjectApi)/;

function elements(parent, ns, name) {
  const out = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (
      node.nodeType === 1 &&
      (!ns || node.namespaceURI === ns) &&
      (!name || node.localName === name)
    )
      out.push(node);
  }
  return out;
}
function descendants(root, ns, name) {
  return Array.from(root.getElementsByTagNameNS(ns, name));
}
function xsiType(el) {
  return el.getAttributeNS(NS.xsi, "type") || "";
}

/**
 * @param {string} xml the manifest text
 * @param {{ distDir?: string, requiredLocales?: string[], requiredHosts?: string[] }} [options]
 * @returns {{ errors: string[], warnings: string[], info: { id?: string, hosts: string[], locales: string[], urls: string[], permissions?: string } }}
 */
function checkManifest(xml, options = {}) {
  const errors = [];
  const warnings = [];
  const info = { hosts: [], locales: [], urls: [] };
  const parseErrors = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") parseErrors.push(String(message).split("\n")[0]);
      },
    }).parseFromString(xml, "text/xml");
  } catch (error) {
    parseErrors.push(String(error.message || error).split("\n")[0]);
  }
  if (parseErrors.length > 0 || !doc || !doc.documentElement) {
    return {
      errors: [`XML không hợp lệ / invalid XML: ${parseErrors.join("; ") || "empty document"}`],
      warnings,
      info,
    };
  }
  const root = doc.documentElement;
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.app) {
    errors.push(`Root element must be OfficeApp in ${NS.app}`);
    return { errors, warnings, info };
  }
  if (xsiType(root) !== "TaskPaneApp")
    errors.push(`OfficeApp xsi:type must be TaskPaneApp, found "${xsiType(root)}"`);

  // Element order and presence.
  const children = elements(root).map((el) => el.localName);
  const unknown = children.filter((name) => !BASE_ORDER.includes(name));
  unknown.forEach((name) => errors.push(`Unknown element in the base manifest: ${name}`));
  const positions = children
    .filter((name) => BASE_ORDER.includes(name))
    .map((name) => BASE_ORDER.indexOf(name));
  for (let i = 1; i < positions.length; i++) {
    if (positions[i] < positions[i - 1]) {
      errors.push(
        `Base manifest elements out of schema order: ${BASE_ORDER[positions[i]]} after ${BASE_ORDER[positions[i - 1]]}`
      );
    }
  }
  for (const name of REQUIRED_BASE)
    if (!children.includes(name)) errors.push(`Missing required element ${name}`);
  const one = (name) => elements(root, NS.app, name)[0];
  const text = (name) => (one(name)?.textContent || "").trim();

  info.id = text("Id");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(info.id))
    errors.push(`Id must be a GUID, found "${info.id}"`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version")))
    errors.push(`Version must be n.n.n.n, found "${text("Version")}"`);
  if (!text("ProviderName") || text("ProviderName").length > 250)
    errors.push("ProviderName must be 1–250 characters");
  const defaultLocale = text("DefaultLocale");
  if (!/^[a-z]{2,3}-[A-Z]{2}$/.test(defaultLocale))
    errors.push(`DefaultLocale must look like vi-VN, found "${defaultLocale}"`);
  info.locales.push(defaultLocale);
  info.permissions = text("Permissions");
  if (!PERMISSIONS.includes(info.permissions))
    errors.push(`Permissions must be one of ${PERMISSIONS.join(", ")}`);

  // Localised strings: DefaultValue plus Override per locale.
  const overrideLocales = new Set();
  const checkLocalised = (el, label, max) => {
    const value = el.getAttribute("DefaultValue") || "";
    if (!value) errors.push(`${label} has no DefaultValue`);
    if (value.length > max)
      errors.push(`${label} DefaultValue is ${value.length} characters (max ${max})`);
    for (const override of elements(el).filter((o) => o.localName === "Override")) {
      const locale = override.getAttribute("Locale") || "";
      overrideLocales.add(locale);
      const v = override.getAttribute("Value") || "";
      if (!v) errors.push(`${label} override ${locale} is empty`);
      if (v.length > max)
        errors.push(`${label} override ${locale} is ${v.length} characters (max ${max})`);
    }
    return elements(el)
      .filter((o) => o.localName === "Override")
      .map((o) => o.getAttribute("Locale"));
  };
  const requiredLocales = options.requiredLocales || [];
  const requireOverrides = (el, label, max) => {
    const locales = checkLocalised(el, label, max);
    for (const locale of requiredLocales) {
      if (locale !== defaultLocale && !locales.includes(locale))
        errors.push(`${label} has no ${locale} override`);
    }
  };
  if (one("DisplayName")) requireOverrides(one("DisplayName"), "DisplayName", 125);
  if (one("Description")) requireOverrides(one("Description"), "Description", 250);

  // URLs: all https.
  const urlOf = (el, label) => {
    const url = el?.getAttribute("DefaultValue") || "";
    if (!/^https:\/\//.test(url)) errors.push(`${label} must be an https URL, found "${url}"`);
    else info.urls.push(url);
    return url;
  };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"])
    if (one(name)) urlOf(one(name), name);
  const source =
    one("DefaultSettings") && elements(one("DefaultSettings"), NS.app, "SourceLocation")[0];
  if (!source) errors.push("DefaultSettings/SourceLocation is missing");
  else urlOf(source, "SourceLocation");

  // Hosts.
  info.hosts = one("Hosts")
    ? elements(one("Hosts"), NS.app, "Host").map((h) => h.getAttribute("Name") || "")
    : [];
  for (const host of options.requiredHosts || [])
    if (!info.hosts.includes(host)) errors.push(`Hosts does not name ${host}`);

  // Requirement sets in the base manifest must not shut out one of several hosts.
  const baseSets = one("Requirements") ? descendants(one("Requirements"), NS.app, "Set") : [];
  for (const s of baseSets) {
    const name = s.getAttribute("Name") || "";
    if (info.hosts.length > 1 && HOST_SPECIFIC_SETS.test(name)) {
      errors.push(
        `Requirement set ${name} in the base manifest would keep the add-in out of the other hosts`
      );
    }
  }

  // VersionOverrides: resource ids referenced vs defined, lengths, overrides, icon sizes.
  const overrides = elements(root, null, "VersionOverrides")[0];
  if (overrides) {
    if (overrides.namespaceURI !== NS.ov) errors.push(`VersionOverrides must be in ${NS.ov}`);
    const defined = new Map();
    const resources = elements(overrides, NS.ov, "Resources")[0];
    if (!resources) errors.push("VersionOverrides has no Resources");
    const define = (kind) => {
      for (const el of resources ? descendants(resources, NS.bt, kind) : []) {
        const id = el.getAttribute("id") || "";
        if (id.length === 0 || id.length > 32)
          errors.push(`Resource id "${id}" must be 1–32 characters`);
        if (defined.has(id)) errors.push(`Resource id "${id}" is defined twice`);
        defined.set(id, { kind, el });
        if (kind === "Url" || kind === "Image") urlOf(el, `${kind} ${id}`);
        if (kind === "String") {
          const parent = el.parentNode.localName;
          requireOverrides(el, `${parent} ${id}`, parent === "ShortStrings" ? 125 : 250);
        }
      }
    };
    define("Image");
    define("Url");
    define("String");
    const referenced = new Set();
    const walk = (el) => {
      for (let node = el.firstChild; node; node = node.nextSibling) {
        if (node.nodeType !== 1) continue;
        const resid = node.getAttribute("resid");
        if (resid !== null && resid !== "") {
          referenced.add(resid);
          if (!defined.has(resid))
            errors.push(`resid "${resid}" (${node.localName}) is not defined in Resources`);
        }
        walk(node);
      }
    };
    walk(overrides);
    for (const id of defined.keys())
      if (!referenced.has(id)) warnings.push(`Resource "${id}" is defined but never used`);
    const overrideHosts = elements(
      elements(overrides, NS.ov, "Hosts")[0] || overrides,
      NS.ov,
      "Host"
    ).map(xsiType);
    for (const host of info.hosts) {
      if (!overrideHosts.includes(host))
        errors.push(`VersionOverrides has no Host for ${host} (no ribbon button there)`);
    }
    for (const host of elements(
      elements(overrides, NS.ov, "Hosts")[0] || overrides,
      NS.ov,
      "Host"
    )) {
      const form = elements(host, NS.ov, "DesktopFormFactor")[0];
      if (!form) continue;
      if (elements(form, NS.ov, "FunctionFile").length !== 1)
        errors.push(`Host ${xsiType(host)}: DesktopFormFactor needs one FunctionFile`);
      for (const icon of descendants(host, NS.ov, "Icon")) {
        const sizes = elements(icon, NS.bt, "Image").map((i) => i.getAttribute("size"));
        for (const size of ["16", "32", "80"])
          if (!sizes.includes(size))
            errors.push(`Host ${xsiType(host)}: an Icon lacks size ${size}`);
      }
    }
  }
  for (const locale of overrideLocales)
    if (!info.locales.includes(locale)) info.locales.push(locale);

  // Build output: every URL on the dev origin must be a file of the build.
  if (options.distDir) {
    for (const url of new Set(info.urls)) {
      const { pathname } = new URL(url);
      const file = path.join(options.distDir, decodeURIComponent(pathname));
      if (!fs.existsSync(file))
        errors.push(
          `${url} points at ${path.relative(process.cwd(), file)}, which the build did not produce`
        );
    }
  }
  return { errors, warnings, info };
}

module.exports = { checkManifest };

if (require.main === module) {
  const args = process.argv.slice(2);
  const distIndex = args.indexOf("--dist");
  const distDir = distIndex >= 0 ? args[distIndex + 1] : undefined;
  const file =
    args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--dist") || "manifest.xml";
  let xml;
  try {
    xml = fs.readFileSync(file, "utf8");
  } catch (error) {
    console.error(
      `Không đọc được manifest / cannot read the manifest: ${file} (${error.code || error.message})`
    );
    process.exit(2);
  }
  const result = checkManifest(xml, {
    distDir,
    requiredLocales: ["en-US"],
    requiredHosts: ["Workbook", "Document"],
  });
  result.warnings.forEach((w) => console.log(`warning: ${w}`));
  result.errors.forEach((e) => console.log(`error: ${e}`));
  console.log(
    `${file}: ${result.errors.length === 0 ? "valid" : "INVALID"} (offline structural check) — hosts ${result.info.hosts.join(", ")}; locales ${result.info.locales.join(", ")}; permissions ${result.info.permissions}`
  );
  process.exit(result.errors.length === 0 ? 0 : 1);
}
