// Validates Adaptive Card JSON with the official `adaptivecards` library, the way a host targeting
// schema 1.5 (Teams' ceiling) would parse it.
//
// Usage: node validate-cards.mjs card1.json [card2.json ...]   (no argument: one card read from stdin)
//
// Prints one JSON object per line on stdout for every parse or validation event:
//   {"file":..., "phase":"Parse"|"Validation", "event":"UnknownElementType", "severity":"error"|"hint",
//    "message":..., "source":"TextBlock"}
// Exit code: 0 when no card has an error, 1 when at least one has, 2 when an input cannot be read.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// The package's ES module build imports its files without extensions, which Node refuses; its UMD
// bundle loads under plain Node and needs no DOM for parsing and validation.
const require = createRequire(import.meta.url);
const AC = require("adaptivecards/dist/adaptivecards.js");

const targetVersion = AC.Versions.v1_5;

function sourceName(source) {
  if (!source) {
    return null;
  }
  const type = typeof source.getJsonTypeName === "function" ? source.getJsonTypeName() : null;
  const id = source.id ? `#${source.id}` : "";
  return type ? `${type}${id}` : null;
}

function toRecord(file, validationEvent) {
  return {
    file,
    phase: AC.ValidationPhase[validationEvent.phase],
    event: AC.ValidationEvent[validationEvent.event],
    severity: validationEvent.event === AC.ValidationEvent.Hint ? "hint" : "error",
    message: validationEvent.message,
    source: sourceName(validationEvent.source),
  };
}

function validate(file, text) {
  const json = JSON.parse(text);
  const card = new AC.AdaptiveCard();
  // A card stating a version above 1.5 is reported as UnsupportedCardVersion.
  card.maxVersion = targetVersion;
  const context = new AC.SerializationContext(targetVersion);
  card.parse(json, context);

  const records = [];
  for (let i = 0; i < context.eventCount; i++) {
    records.push(toRecord(file, context.getEventAt(i)));
  }
  for (const validationEvent of card.validateProperties().validationEvents) {
    records.push(toRecord(file, validationEvent));
  }
  return records;
}

function readInputs(args) {
  if (args.length === 0) {
    return [{ file: "<stdin>", text: readFileSync(0, "utf8") }];
  }
  return args.map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

let inputs;
try {
  inputs = readInputs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`cannot read input: ${error.message}\n`);
  process.exit(2);
}

let errorCount = 0;
for (const { file, text } of inputs) {
  let records;
  try {
    records = validate(file, text);
  } catch (error) {
    records = [{ file, phase: "Parse", event: "InvalidJson", severity: "error", message: error.message, source: null }];
  }
  for (const record of records) {
    process.stdout.write(`${JSON.stringify(record)}\n`);
    if (record.severity === "error") {
      errorCount++;
    }
  }
}

process.stderr.write(`${inputs.length} card(s) checked, ${errorCount} error(s)\n`);
process.exit(errorCount === 0 ? 0 : 1);
