import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../src/model/build.js';
import type { Provenance } from '../../../src/model/document.js';
import { recogniseDocument } from '../../../src/recognise/registry.js';
import { documentStatus } from '../../../src/pipeline/handlers.js';
import { testSource } from '../../helpers/sources.js';

const src = testSource(new Uint8Array([2]), 'narrative.pdf', 'application/pdf');
const prov: Provenance = { sourceId: src.id, page: 1, method: 'text-layer', extractor: 'test' };

describe('a document without tables', () => {
  it('is never silently ok: document.no_tables says what it holds instead', () => {
    const doc = newDocument(src, 'pdf');
    doc.pages = [
      {
        number: 1,
        runs: ['江苏省政协办公厅2017年部门预算', '一、收支预算总表情况说明', '2017年收入预算总额24458.43万元。'].map(
          (text) => ({ text, prov }),
        ),
      },
      { number: 2, runs: [{ text: '二、其他说明', prov }] },
    ];
    const result = recogniseDocument(doc);
    // Its restated figures are data of their own (issue 15), but a narrative is no table: still no_tables.
    expect(result.records.map((r) => r.tableType)).toEqual(['narrative']);
    const found = result.issues.filter((i) => i.code === 'document.no_tables');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('2 pages of text') }),
    ]);
    expect(documentStatus('ok', result.records, result.checks, result.issues)).toBe('partial');
    expect(result.verification).toMatchObject({ total: 1, unchecked: 1, share: 0 });
  });
});
