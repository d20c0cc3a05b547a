import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../../src/model/build.js';
import type { ExtractMethod, Provenance, Table } from '../../../../src/model/document.js';
import { documentMeta } from '../../../../src/recognise/meta/document-meta.js';
import { repairOcrOrgName } from '../../../../src/recognise/meta/org-name.js';
import { repairPlaceName } from '../../../../src/recognise/meta/region.js';
import { tableMeta } from '../../../../src/recognise/amount/department.js';
import { testSource } from '../../../helpers/sources.js';

const src = testSource(new Uint8Array([1]), 'x.png', 'image/png');
const prov = (method: ExtractMethod): Provenance => ({ sourceId: src.id, page: 1, method, extractor: 'test' });
const REAL = '咸阳市杨陵区人民代表大会常务委员会办公室';
const MISREAD = '威阳市杨陵区人民代表大会常务委员会办公室';

function tableWith(context: string[], method: ExtractMethod): Table {
  return {
    id: 't1',
    nRows: 1,
    nCols: 1,
    context,
    prov: prov(method),
    cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: '项目', prov: prov(method) }],
  };
}

describe('place names misread by OCR', () => {
  it('puts right a city one character away from the real city of the county after it', () => {
    expect(repairPlaceName(MISREAD)).toEqual({ value: REAL, from: '威阳市', to: '咸阳市' });
  });

  it('leaves real names, two-character misreads and real other cities alone', () => {
    expect(repairPlaceName(REAL)).toBeNull();
    // Two substitutions: too far to be sure.
    expect(repairPlaceName('威田市杨陵区人民代表大会常务委员会办公室')).toBeNull();
    // 安阳市 is one character from 咸阳市 but a real city: a wrong pairing, not a misreading.
    expect(repairPlaceName('安阳市杨陵区财政局')).toBeNull();
    // No county in the list after it.
    expect(repairPlaceName('威阳市财政局')).toBeNull();
  });

  it('puts right a misread last character of a unit ending, 办公室 or 办公厅 by the level of the region', () => {
    const ocr = prov('ocr');
    expect(repairOcrOrgName('咸阳市杨陵区人民代表大会常务委员会办公安', ocr).value).toBe(REAL);
    expect(repairOcrOrgName('陕西省人民代表大会常务委员会办公宗', ocr).value).toBe(
      '陕西省人民代表大会常务委员会办公厅',
    );
    expect(repairOcrOrgName('杨陵区人民代表大会常务委员公', ocr).value).toBe('杨陵区人民代表大会常务委员会');
    // No region printed: 办公室 or 办公厅 cannot be told apart.
    expect(repairOcrOrgName('人民代表大会常务委员会办公安', ocr)).toEqual({ value: '人民代表大会常务委员会办公安' });
    // A valid ending is never touched; two misread characters are not guessed.
    expect(repairOcrOrgName(REAL, ocr)).toEqual({ value: REAL });
    expect(repairOcrOrgName('咸阳市杨陵区财政局办宗安', ocr)).toEqual({ value: '咸阳市杨陵区财政局办宗安' });
    // Both at once: one warning naming both repairs.
    const both = repairOcrOrgName('威阳市杨陵区人民代表大会常务委员会办公安', ocr);
    expect(both.value).toBe(REAL);
    expect(both.issue?.message).toMatch(/威阳市.*咸阳市.*办公安.*办公室/);
  });

  it('repairs OCR readings only, with a warning holding before and after', () => {
    const ocr = repairOcrOrgName(MISREAD, prov('ocr'));
    expect(ocr.value).toBe(REAL);
    expect(ocr.issue).toMatchObject({ severity: 'warning', code: 'meta.name_repaired' });
    expect(ocr.issue?.message).toContain(MISREAD);
    expect(ocr.issue?.message).toContain(REAL);
    for (const method of ['text-layer', 'structure'] as const)
      expect(repairOcrOrgName(MISREAD, prov(method))).toEqual({ value: MISREAD });
  });

  it('repairs the document department and the table-printed one when OCR read them', () => {
    const doc = newDocument(src, 'png');
    doc.pages = [{ number: 1, runs: [] }];
    doc.tables = [tableWith([`编制部门：${MISREAD}`, '单位：万元'], 'ocr')];
    const meta = documentMeta(doc);
    expect(meta.department).toBe(REAL);
    expect(meta.issues?.map((i) => i.code)).toEqual(['meta.name_repaired']);
    expect(meta.region).toEqual({ province: '陕西省', city: '咸阳市', county: '杨陵区' });

    const own = tableMeta(tableWith([`编制部门：${MISREAD}`], 'ocr'), [`编制部门：${MISREAD}`], {
      ...meta,
      department: null,
      issues: [],
    });
    expect(own.department).toBe(REAL);
    expect(own.issues?.map((i) => i.code)).toEqual(['meta.name_repaired']);

    const layer = tableMeta(tableWith([], 'text-layer'), [`编制部门：${MISREAD}`], {
      ...meta,
      department: null,
      issues: [],
    });
    expect(layer.department).toBe(MISREAD);
    expect(layer.issues).toBeUndefined();
  });

  it('keeps a text-layer document department as printed', () => {
    const doc = newDocument(src, 'pdf');
    doc.pages = [{ number: 1, runs: [] }];
    doc.tables = [tableWith([`编制部门：${MISREAD}`], 'text-layer')];
    const meta = documentMeta(doc);
    expect(meta.department).toBe(MISREAD);
    expect(meta.issues).toBeUndefined();
  });
});
