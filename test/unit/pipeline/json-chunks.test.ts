import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../src/extract/pdf/index.js';
import { defaultLimits } from '../../../src/extract/types.js';
import { jsonChunks } from '../../../src/pipeline/json-chunks.js';
import { localSource } from '../../../src/pipeline/process-document.js';
import { REPO_ROOT } from '../../helpers/corpus.js';

const text = (value: unknown, pretty: boolean, indent = '') =>
  Buffer.concat(jsonChunks(value, pretty, indent)).toString();

describe('JSON in chunks', () => {
  const odd = {
    a: [1, 'two', null, undefined, () => 3, { b: [], c: {}, d: { e: undefined } }],
    f: undefined,
    g: new Date(0),
    h: '元\n"引号"\u2028',
    i: [[[[[1, [2, { deep: true }]]]]]],
    j: { toJSON: () => 'custom' },
    k: -0,
    l: Number.NaN,
  };

  it('gives JSON.stringify text, indented or compact, for values of every kind', () => {
    expect(text(odd, true)).toBe(JSON.stringify(odd, null, 2));
    expect(text(odd, false)).toBe(JSON.stringify(odd));
    expect(text(odd, true, '  ')).toBe(JSON.stringify(odd, null, 2).replace(/\n/g, '\n  '));
    for (const v of [[], {}, 'x', 5, null, [undefined], { only: undefined }])
      expect([text(v, true), text(v, false)]).toEqual([JSON.stringify(v, null, 2), JSON.stringify(v)]);
  });

  it('writes a document model as JSON.stringify does, in pieces no larger than a page', async () => {
    const path = join(REPO_ROOT, 'samples', 'pdf', 'built', 'jiangsu-2024-jiangsu-style-budget-tables.pdf');
    const bytes = new Uint8Array(readFileSync(path));
    const doc = await extractPdf(bytes, { source: localSource(bytes, path), limits: { ...defaultLimits, ocr: false } });
    const whole = JSON.stringify(doc, null, 2);
    const chunks = jsonChunks(doc, true);
    expect(Buffer.concat(chunks).toString()).toBe(whole);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(Buffer.byteLength(whole) / 2);
  });
});
