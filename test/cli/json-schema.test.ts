import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS } from '../../schemas/index.js';
import { JSON_SCHEMA_DIR, jsonSchemaFiles } from '../../scripts/json-schema.js';

/** The output contract's JSON Schema (docs/output-contract.md) is what scripts/json-schema.ts writes, nothing stale. */
describe('schemas/json', () => {
  const files = jsonSchemaFiles();

  it('the committed files are what the script generates (run npx tsx scripts/json-schema.ts)', () => {
    expect(readdirSync(JSON_SCHEMA_DIR).sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files) expect(readFileSync(join(JSON_SCHEMA_DIR, name), 'utf8'), name).toBe(content);
  });

  it('holds one schema per table type of the contract, each naming its type', () => {
    const types = Object.keys(RECORD_SCHEMAS).sort();
    expect(JSON.parse(files.get('index.json')!).tableTypes).toEqual(types);
    expect(types).toEqual(
      expect.arrayContaining(['final.income', 'budget.procurement', 'perf.dept_target', 'unknown']),
    );
    for (const type of types) {
      const schema = JSON.parse(files.get(`${type}.json`)!);
      expect(schema.$schema, type).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.properties.tableType.const, type).toBe(type);
      expect(schema.required, type).toEqual(expect.arrayContaining(['tableType', 'rows', 'provenance', 'status']));
    }
  });
});
