import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../../src/model/build.js';
import type { Provenance, Table } from '../../../../src/model/document.js';
import { documentMeta } from '../../../../src/recognise/meta/document-meta.js';
import { isOrgName, orgFromTitle } from '../../../../src/recognise/meta/org-name.js';
import { regionFromText } from '../../../../src/recognise/meta/region.js';
import { testSource } from '../../../helpers/sources.js';

const src = testSource(new Uint8Array([1]), 'x.pdf', 'application/pdf');
const prov = (page = 1): Provenance => ({ sourceId: src.id, page, method: 'text-layer', extractor: 'test' });

function docWith(runs: string[], tables: Table[] = []) {
  const doc = newDocument(src, 'pdf');
  doc.pages = [{ number: 1, runs: runs.map((text) => ({ text, prov: prov() })) }];
  doc.tables = tables;
  return doc;
}

describe('regions from the division list', () => {
  it('completes a county upwards and keeps municipalities without a city', () => {
    expect(regionFromText('咸阳市杨陵区人民代表大会常务委员会办公室')).toEqual({ province: '陕西省', city: '咸阳市', county: '杨陵区' });
    expect(regionFromText('洪江市财政局')).toEqual({ province: '湖南省', city: '怀化市', county: '洪江市' });
    expect(regionFromText('上海市普陀区财政局')).toEqual({ province: '上海市', county: '普陀区' });
    expect(regionFromText('江苏省人大常委会办公厅')).toEqual({ province: '江苏省' });
    expect(regionFromText('部门预算')).toEqual({});
  });
});

describe('unit names', () => {
  it('accepts names of budget units and refuses header words', () => {
    expect(isOrgName('上海市 XX 局')).toBe(true);
    expect(isOrgName('抚宁区人大')).toBe(true);
    expect(isOrgName('备注')).toBe(false);
    expect(isOrgName('一般公共')).toBe(false);
    expect(isOrgName('1、代表活动经费')).toBe(false);
  });

  it('reads the unit around the year of a title', () => {
    expect(orgFromTitle('2023年洪江市人民政府办公室部门整体支出绩效目标表')).toBe('洪江市人民政府办公室');
    expect(orgFromTitle('上海市普陀区财政局2024年度部门决算')).toBe('上海市普陀区财政局');
    expect(orgFromTitle('一般公共预算财政拨款支出决算表')).toBeUndefined();
  });
});

describe('document metadata', () => {
  it('reads a cover split into runs, ignoring a column header that says 单位名称', () => {
    const header: Table = {
      id: 't1', nRows: 2, nCols: 3, context: [], prov: prov(),
      cells: ['序号', '单位名称', '备注', '1', '上海市普陀区财政局（本级）', ''].map((text, i) => ({
        row: Math.floor(i / 3), col: i % 3, rowSpan: 1, colSpan: 1, text, prov: prov(5),
      })),
    };
    const meta = documentMeta(docWith(['上海市普陀区财政局', '2024', '年度部门决算', '目 录'], [header]));
    expect(meta).toMatchObject({ department: '上海市普陀区财政局', year: 2024, kind: 'final', region: { province: '上海市', county: '普陀区' } });
    expect(meta.provenance.department).toMatchObject({ page: 1 });
  });

  it('takes a label whose value is on the next line, and a coded unit line', () => {
    expect(documentMeta(docWith(['公开表二', '部门：', '江苏省人大常委会办公厅', '单位：万元'])).department).toBe('江苏省人大常委会办公厅');
    expect(documentMeta(docWith(['1、代表活动经费绩效目标表', '101002 抚宁区人大', '单位：万元'])).department).toBe('抚宁区人大');
  });

  it('leaves the department empty rather than guess from a table title', () => {
    expect(documentMeta(docWith(['一般公共预算财政拨款支出决算表', '单位：万元'])).department).toBeNull();
  });
});
