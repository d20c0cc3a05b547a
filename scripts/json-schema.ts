/**
 * Writes the output contract as JSON Schema (draft 2020-12), one file per table type, into schemas/json/, generated
 * from the zod schemas the recognisers validate against (schemas/index.ts, RECORD_SCHEMAS), so
 * that readers outside TypeScript check records against the same rules. test/cli/json-schema.test.ts fails when
 * the committed files differ from what this script writes. Run: npx tsx scripts/json-schema.ts
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { RECORD_SCHEMAS } from '../schemas/index.js';

export const JSON_SCHEMA_DIR = join(import.meta.dirname, '..', 'schemas', 'json');

/** File name -> content of every JSON Schema file, in a stable order. */
export function jsonSchemaFiles(): Map<string, string> {
  const byType = new Map(Object.entries(RECORD_SCHEMAS));
  const files = new Map<string, string>();
  for (const [tableType, schema] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    // The input side: what the validator accepts (src/validate/validate-record.ts parses the record as printed and
    // keeps it as it is, so keys a schema does not name stay in the output and must stay allowed here).
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
    const titled = { $id: `${tableType}.json`, title: `budgetdoc record: ${tableType}`, ...json };
    files.set(`${tableType}.json`, `${JSON.stringify(titled, null, 2)}\n`);
  }
  const index = {
    description: 'JSON Schema of each budgetdoc record type (docs/output-contract.md); generated, do not edit',
    tableTypes: [...byType.keys()].sort(),
  };
  files.set('index.json', `${JSON.stringify(index, null, 2)}\n`);
  return files;
}

async function main(): Promise<void> {
  await mkdir(JSON_SCHEMA_DIR, { recursive: true });
  const files = jsonSchemaFiles();
  for (const stale of (await readdir(JSON_SCHEMA_DIR)).filter((f) => !files.has(f)))
    await rm(join(JSON_SCHEMA_DIR, stale));
  for (const [name, content] of files) await writeFile(join(JSON_SCHEMA_DIR, name), content);
  process.stdout.write(`wrote ${files.size} files to schemas/json/\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
