// The shared corpus of invalid catalogue and overlay files in tests/invalid/: the JSON Schemas reject every file
// outside rust-only/, with an error where tests/invalid/expected.json says. The files in rust-only/ break rules
// JSON Schema cannot express; the schemas accept them (so a schema that learns to catch one shows up here) and
// docs/CATALOGUE_FORMAT.md lists each. domain/tests/invalid_files.rs checks the app's validator on the same files.
// Run from the repository root: node --test tests/schema/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (path) => JSON.parse(readFileSync(root + path, "utf8"));

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(readJson("docs/schema/catalogue.schema.json"));
ajv.addSchema(readJson("docs/schema/overlay.schema.json"));
const validatorFor = (name) => ajv.getSchema(name.startsWith("overlay") ? "overlay.schema.json" : "catalogue.schema.json");

const { $comment, ...expected } = readJson("tests/invalid/expected.json");
const files = ["catalogue", "catalogue/rust-only", "overlay", "overlay/rust-only"].flatMap((dir) =>
  readdirSync(root + "tests/invalid/" + dir).filter((f) => f.endsWith(".json")).map((f) => `${dir}/${f}`),
).sort();
const describe = (errors) => ajv.errorsText(errors, { separator: "\n" });

test("every file in tests/invalid/ is listed in expected.json, and only those", () => {
  assert.ok($comment, "expected.json explains itself");
  assert.deepEqual(files, Object.keys(expected).sort());
});

test("the files the cases start from are valid", () => {
  for (const name of ["catalogue", "overlay"]) {
    const validate = validatorFor(name);
    assert.ok(validate(readJson(`tests/invalid/valid-${name}.json`)), `valid-${name}.json:\n${describe(validate.errors)}`);
  }
});

test("the schemas reject every file outside rust-only/, at the expected place", () => {
  const failures = [];
  for (const name of files.filter((f) => !f.includes("/rust-only/"))) {
    const validate = validatorFor(name);
    if (validate(readJson("tests/invalid/" + name))) {
      failures.push(`${name}: accepted`);
    } else if (!validate.errors.some((e) => e.instancePath === expected[name].schema)) {
      failures.push(`${name}: no error at "${expected[name].schema}":\n${describe(validate.errors)}`);
    }
  }
  assert.deepEqual(failures, []);
});

test("rust-only/ holds exactly the documented exceptions, which the schemas cannot catch", () => {
  const doc = readFileSync(root + "docs/CATALOGUE_FORMAT.md", "utf8");
  const documented = [...doc.matchAll(/`((?:catalogue|overlay)\/rust-only\/[a-z0-9-]+\.json)`/g)].map((m) => m[1]);
  const rustOnly = files.filter((f) => f.includes("/rust-only/"));
  assert.deepEqual([...new Set(documented)].sort(), rustOnly, "docs/CATALOGUE_FORMAT.md lists the rust-only/ files");
  for (const name of rustOnly) {
    assert.equal(expected[name].schema, null, name);
    assert.ok(expected[name].why, `${name}: expected.json says why JSON Schema cannot catch it`);
    const validate = validatorFor(name);
    assert.ok(validate(readJson("tests/invalid/" + name)),
      `${name} is now rejected by the schema (${describe(validate.errors)}): move it out of rust-only/`);
  }
});
