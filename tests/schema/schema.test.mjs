// Checks the JSON Schemas in docs/schema/ against the real files and against broken variants.
// Run from the repository root: node --test tests/schema/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(root + path, "utf8"));

const catalogueSchema = readJson("docs/schema/catalogue.schema.json");
const overlaySchema = readJson("docs/schema/overlay.schema.json");

// strict mode throws on unknown keywords and other schema mistakes, so compiling is itself a check.
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(catalogueSchema);
ajv.addSchema(overlaySchema);
const validateCatalogue = ajv.getSchema(catalogueSchema.$id);
const validateOverlay = ajv.getSchema(overlaySchema.$id);

const catalogue = readJson("content/catalogue.json");
const overlay = readJson("examples/portal/die-mould-overlay.json");

const clone = (value) => structuredClone(value);
const describe = (errors) => ajv.errorsText(errors, { separator: "\n" });

function assertValid(validate, data, label) {
  const ok = validate(data);
  assert.ok(ok, `${label} should be valid:\n${describe(validate.errors)}`);
}

/// Asserts `data` is invalid and that one of the errors is at `instancePath` with `keyword`.
function assertInvalid(validate, data, instancePath, keyword) {
  const ok = validate(data);
  assert.equal(ok, false, `expected a schema error at ${instancePath} (${keyword})`);
  const hit = validate.errors.some((e) => e.instancePath === instancePath && e.keyword === keyword);
  assert.ok(hit, `expected an error at ${instancePath} (${keyword}), got:\n${describe(validate.errors)}`);
}

test("both schemas compile in strict mode", () => {
  assert.equal(typeof validateCatalogue, "function");
  assert.equal(typeof validateOverlay, "function");
});

test("content/catalogue.json is a valid catalogue", () => {
  assertValid(validateCatalogue, catalogue, "content/catalogue.json");
});

test("examples/portal/die-mould-overlay.json is a valid overlay", () => {
  assertValid(validateOverlay, overlay, "examples/portal/die-mould-overlay.json");
});

test("the JSON examples in docs/CATALOGUE_FORMAT.md are valid", () => {
  const doc = readFileSync(root + "docs/CATALOGUE_FORMAT.md", "utf8");
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
  assert.ok(blocks.length > 0, "no JSON examples found");
  for (const [n, block] of blocks.entries()) {
    const validate = block.format === "tics-self-check-overlay" ? validateOverlay : validateCatalogue;
    assertValid(validate, block, `example ${n + 1} (${block.format})`);
  }
});

test("a catalogue with columns, branding and item crosswalk references is valid", () => {
  const c = clone(catalogue);
  c.columns = [{ id: "assoc-guide", label: { ja: "会ガイド", en: "Assoc. guide" } }];
  c.branding = { name: { ja: "例", en: "Example" }, intro: { ja: "**例**", en: "**Example**" } };
  c.items[0].crosswalk = { "assoc-guide": "G-1.1" };
  assertValid(validateCatalogue, c, "catalogue with columns and branding");
});

test("an unknown field on an item fails", () => {
  const c = clone(catalogue);
  c.items[0].levle = 2;
  assertInvalid(validateCatalogue, c, "/items/0", "additionalProperties");
});

test("level 4 fails", () => {
  const c = clone(catalogue);
  c.items[0].level = 4;
  assertInvalid(validateCatalogue, c, "/items/0/level", "maximum");
});

test('forms ["any", "cloud"] fails', () => {
  const c = clone(catalogue);
  c.items[0].forms = ["any", "cloud"];
  assertInvalid(validateCatalogue, c, "/items/0/forms", "anyOf");
});

test("empty or unknown forms fail", () => {
  for (const forms of [[], ["paper"], ["cloud", "cloud"]]) {
    const c = clone(catalogue);
    c.items[0].forms = forms;
    assertInvalid(validateCatalogue, c, "/items/0/forms", "anyOf");
  }
});

test("a missing guidance fails", () => {
  const c = clone(catalogue);
  delete c.items[0].guidance;
  assertInvalid(validateCatalogue, c, "/items/0", "required");
});

test('the item ID "A B" fails', () => {
  const c = clone(catalogue);
  c.items[0].id = "A B";
  assertInvalid(validateCatalogue, c, "/items/0/id", "pattern");
});

test("jama without checksheet fails", () => {
  const c = clone(catalogue);
  const i = c.items.findIndex((item) => item.checksheet !== undefined && item.jama !== undefined);
  assert.ok(i >= 0, "the catalogue has a checksheet item with jama");
  delete c.items[i].checksheet;
  assertInvalid(validateCatalogue, c, `/items/${i}`, "dependentRequired");
});

test("a blank English text and no threats fail", () => {
  const c = clone(catalogue);
  c.items[0].title.en = "  ";
  c.items[1].threats = [];
  assertInvalid(validateCatalogue, c, "/items/0/title/en", "pattern");
  assertInvalid(validateCatalogue, c, "/items/1/threats", "minItems");
});

test("a catalogue with the overlay format name fails", () => {
  const c = clone(catalogue);
  c.format = "tics-self-check-overlay";
  assertInvalid(validateCatalogue, c, "/format", "const");
});

test("an overlay with an unknown top-level field fails", () => {
  const o = clone(overlay);
  o.hidden = ["identify-procedure"];
  assertInvalid(validateOverlay, o, "", "additionalProperties");
});

test("an overlay with the wrong format name fails", () => {
  const o = clone(overlay);
  o.format = "tics-self-check-catalogue";
  assertInvalid(validateOverlay, o, "/format", "const");
});

test("an overlay's added items are checked like catalogue items", () => {
  const o = clone(overlay);
  o.items[0].level = 4;
  assertInvalid(validateOverlay, o, "/items/0/level", "maximum");
});

test("an overlay with only the required fields is valid; without a version it fails", () => {
  const o = { format: "tics-self-check-overlay", format_version: 1, id: "minimal", version: "1" };
  assertValid(validateOverlay, o, "minimal overlay");
  delete o.version;
  assertInvalid(validateOverlay, o, "", "required");
});

test("a level written 2.0 is the integer 2, as the app reads it; 1.5 fails", () => {
  const c = JSON.parse(JSON.stringify(catalogue).replace('"level":1,', '"level":2.0,'));
  assertValid(validateCatalogue, c, "level 2.0");
  c.items[0].level = 1.5;
  assertInvalid(validateCatalogue, c, "/items/0/level", "type");
});

test("an overlay crosswalk with a blank reference fails", () => {
  const o = clone(overlay);
  o.crosswalk["identify-procedure"]["assoc-guide"] = "";
  assertInvalid(validateOverlay, o, "/crosswalk/identify-procedure/assoc-guide", "pattern");
});
