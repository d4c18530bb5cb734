// Validates a Teams app manifest OFFLINE against the official JSON schema shipped inside the
// @microsoft/app-manifest package (build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json),
// with the same Ajv set-up that package uses (draft-04, allErrors, uri/email/regex formats).
//
// Usage: node validate-manifest.mjs <schema version, e.g. 1.30> <manifest.json>
//
// Prints one JSON object per line on stdout for each schema error:
//   {"instancePath":"/bots/0/botId","keyword":"pattern","message":"must match pattern ..."}
// and a summary on stderr naming the schema file used.
// Exit code: 0 valid, 1 invalid, 2 the schema or the manifest cannot be read.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const Ajv04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

const [version, manifestFile] = process.argv.slice(2);
if (!version || !manifestFile) {
  process.stderr.write("usage: node validate-manifest.mjs <schema version> <manifest.json>\n");
  process.exit(2);
}

const packageDirectory = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const schemaFile = path.join(packageDirectory, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
if (!existsSync(schemaFile)) {
  process.stderr.write(`no schema for manifest version ${version} in @microsoft/app-manifest (${schemaFile})\n`);
  process.exit(2);
}

let schema;
let manifest;
try {
  schema = JSON.parse(readFileSync(schemaFile, "utf8"));
  manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
} catch (error) {
  process.stderr.write(`cannot read input: ${error.message}\n`);
  process.exit(2);
}

const ajv = new Ajv04({ allErrors: true, strictTypes: false });
addFormats(ajv, ["uri", "email", "regex"]);
const validate = ajv.compile(schema);
const valid = validate(manifest);
for (const error of validate.errors ?? []) {
  process.stdout.write(`${JSON.stringify({ instancePath: error.instancePath, keyword: error.keyword, message: error.message, params: error.params })}\n`);
}
process.stderr.write(`${path.relative(packageDirectory, schemaFile)}: ${valid ? "valid" : `${validate.errors.length} error(s)`}\n`);
process.exit(valid ? 0 : 1);
