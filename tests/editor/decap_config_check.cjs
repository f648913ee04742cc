// Validate a Decap CMS configuration (JSON on stdin) with Decap's own schema and validator:
// decap-cms-core/src/constants/configSchema.js, plus each widget package's own schema.
// The module's imports (the widget registry, formats, i18n constants) are replaced by the
// same values taken from the installed packages' sources, then its validateConfig() runs.
"use strict";
const fs = require("fs");
const path = require("path");
const modules = path.resolve(process.argv[2]);
// The validator's own dependencies, as decap-cms-core resolves them (its versions of AJV).
const fromCore = name => require(require.resolve(name, { paths: [path.join(modules, "decap-cms-core")] }));
const core = path.join(modules, "decap-cms-core", "src");

function esmToFunctionBody(file) {
  return fs.readFileSync(file, "utf8")
    .replace(/^import[\s\S]*?from\s+['"][^'"]+['"];?\s*$/gm, "")
    .replace(/^export default /m, "return ")
    .replace(/^export (function|const|class) /gm, "$1 ");
}

function widgetSchema(pkg) {
  const file = path.join(modules, pkg, "src", "schema.js");
  return fs.existsSync(file) ? new Function(esmToFunctionBody(file))() : {};
}

// The widgets our configuration uses, with the schema each package declares; "bilingual" is
// the project's own widget and declares its one option the same way.
const widgets = ["string", "text", "number", "boolean", "select", "list", "object", "markdown", "hidden"]
  .map(name => ({ name, schema: widgetSchema(`decap-cms-widget-${name}`) }))
  .concat([{ name: "bilingual", schema: { properties: { allow_single: { type: "boolean" } } } }]);

const i18nSource = fs.readFileSync(path.join(core, "lib", "i18n.ts"), "utf8");
function enumValues(name) {
  const block = i18nSource.match(new RegExp(`export enum ${name} \\{([\\s\\S]*?)\\}`))[1];
  return Object.fromEntries([...block.matchAll(/(\w+)\s*=\s*'([^']+)'/g)].map(m => [m[1], m[2]]));
}
const formats = fs.readFileSync(path.join(core, "formats", "formats.ts"), "utf8");
const frontmatterFormats = JSON.parse(formats.match(/export const frontmatterFormats = (\[[^\]]*\])/)[1].replace(/'/g, '"'));
const extensionFormatters = Object.fromEntries(
  [...formats.match(/export const extensionFormatters = \{([\s\S]*?)\};/)[1].matchAll(/(\w+):/g)].map(m => [m[1], true]));

const body = esmToFunctionBody(path.join(core, "constants", "configSchema.js")) + "\nreturn validateConfig;";
const factory = new Function(
  "AJV", "select", "uniqueItemProperties", "instanceOf", "prohibited", "ajvErrors",
  "frontmatterFormats", "extensionFormatters", "getWidgets", "I18N_STRUCTURE", "I18N_FIELD", body);
const keywords = fromCore("ajv-keywords/dist/keywords");
const validateConfig = factory(
  fromCore("ajv").default, keywords.select, keywords.uniqueItemProperties,
  keywords.instanceof, keywords.prohibited, fromCore("ajv-errors").default,
  frontmatterFormats, extensionFormatters, () => widgets,
  enumValues("I18N_STRUCTURE"), enumValues("I18N_FIELD"));

const config = JSON.parse(fs.readFileSync(0, "utf8"));
try {
  validateConfig(config);
  console.log("valid");
} catch (error) {
  console.log(String(error.message || error));
  process.exit(1);
}
