import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../../src/model/build.js';
import type { Provenance, Table } from '../../../../src/model/document.js';
import { documentMeta } from '../../../../src/recognise/meta/document-meta.js';
import { isOrgName, joinWrappedName, orgFromTitle } from '../../../../src/recognise/meta/org-name.js';
import { regionFromText } from '../../../../src/recognise/meta/region.js';
import { testSource } from '../../../helpers/sources.js';

const src = testSource(new Uint8Array([1]), 'x.pdf', 'application/pdf');
const prov = (page = 1): Provenance => ({ sourceId: src.id, page, method: 'text-layer', extractor: 'test' });

function docWith(runs: string[], tables: Table[] = [], title?: string) {
  const doc = newDocument(src, 'pdf');
  doc.pages = [{ number: 1, runs: runs.map((text) => ({ text, prov: prov() })) }];
  doc.tables = tables;
  // The PDF Info dictionary's Title, as src/extract/pdf/meta.ts reads it.
  if (title)
    doc.meta = [
      { key: 'title', value: title, prov: { sourceId: src.id, page: 1, method: 'structure', extractor: 'test' } },
    ];
  return doc;
}

/** A table printed on `page` with the lines above it (title, 部门 line) as its context. */
function tableWith(id: string, context: string[], page = 2): Table {
  return {
    id,
    nRows: 1,
    nCols: 1,
    context,
    prov: prov(page),
    cells: [{ row: 0, col: 0, rowSpan: 1, colSpan: 1, text: '项目', prov: prov(page) }],
  };
}

describe('regions from the division list', () => {
  it('completes a county upwards and keeps municipalities without a city', () => {
    expect(regionFromText('咸阳市杨陵区人民代表大会常务委员会办公室')).toEqual({
      province: '陕西省',
      city: '咸阳市',
      county: '杨陵区',
    });
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
      id: 't1',
      nRows: 2,
      nCols: 3,
      context: [],
      prov: prov(),
      cells: ['序号', '单位名称', '备注', '1', '上海市普陀区财政局（本级）', ''].map((text, i) => ({
        row: Math.floor(i / 3),
        col: i % 3,
        rowSpan: 1,
        colSpan: 1,
        text,
        prov: prov(5),
      })),
    };
    const meta = documentMeta(docWith(['上海市普陀区财政局', '2024', '年度部门决算', '目 录'], [header]));
    expect(meta).toMatchObject({
      department: '上海市普陀区财政局',
      year: 2024,
      kind: 'final',
      region: { province: '上海市', county: '普陀区' },
    });
    expect(meta.provenance.department).toMatchObject({ page: 1 });
  });

  it('takes a label whose value is on the next line, and a coded unit line', () => {
    expect(documentMeta(docWith(['公开表二', '部门：', '江苏省人大常委会办公厅', '单位：万元'])).department).toBe(
      '江苏省人大常委会办公厅',
    );
    expect(documentMeta(docWith(['1、代表活动经费绩效目标表', '101002 抚宁区人大', '单位：万元'])).department).toBe(
      '抚宁区人大',
    );
  });

  it('leaves the department empty rather than guess from a table title', () => {
    expect(documentMeta(docWith(['一般公共预算财政拨款支出决算表', '单位：万元'])).department).toBeNull();
  });
});

describe('document metadata: the page before the file metadata', () => {
  it('keeps the cover year over a stale Word title and says both in a warning', () => {
    // A 2019年度 决算 printed from a Word file still titled for 2018.
    const meta = documentMeta(
      docWith(
        ['上海市普陀区财政局', '2019', '年度部门决算', '目 录'],
        [],
        'Microsoft Word - 上海市普陀区财政局2018年度部门决算',
      ),
    );
    expect(meta).toMatchObject({ year: 2019, department: '上海市普陀区财政局', kind: 'final' });
    expect(meta.provenance.year).toMatchObject({ page: 1, method: 'text-layer' });
    expect(meta.issues?.map((i) => [i.severity, i.code])).toEqual([['warning', 'meta.file_metadata_disagrees']]);
    expect(meta.issues![0]!.message).toMatch(/year: the page prints 2019 .* Title metadata says 2018/);
  });

  it('lets the table titles vote for the year when there is no cover, the first printed table breaking a tie', () => {
    const tables = [
      tableWith('t1', ['2019年部门收支预算总表', '单位：万元']),
      tableWith('t2', ['2019年部门收入预算总表', '单位：万元']),
      tableWith('t3', ['2018年部门支出预算总表', '单位：万元']),
    ];
    const meta = documentMeta(docWith([], tables, '江苏省委办公厅2018年度预算公开表.xls'));
    expect(meta.year).toBe(2019);
    expect(meta.issues?.map((i) => i.code)).toEqual(['meta.file_metadata_disagrees']);
    expect(documentMeta(docWith([], [tables[2]!, tables[0]!])).year).toBe(2018);
  });

  it('takes the year a document names, not a comparison or a date', () => {
    // A 2025年部门预算 compares with 2024 and counts its cars on 2024年8月31日; a 2019年度 决算 is published in 2020.
    expect(documentMeta(docWith(['截至2024年8月31日，本单位共有车辆0辆。', '2025年部门预算编制说明'])).year).toBe(2025);
    expect(documentMeta(docWith(['比2024年预算增加3,355.65万元', '2025年部门预算'])).year).toBe(2025);
    expect(documentMeta(docWith(['咸阳市杨陵区人大常委会办公室2019年度部门决算', '2020年6月'])).year).toBe(2019);
  });

  it('uses the file title only when the page says nothing, without a warning', () => {
    const meta = documentMeta(docWith(['目 录', '一、部门概况'], [], '上海市普陀区财政局2024年度部门决算'));
    expect(meta).toMatchObject({
      year: 2024,
      department: '上海市普陀区财政局',
      region: { province: '上海市', county: '普陀区' },
    });
    expect(meta.provenance.year).toMatchObject({ method: 'structure' });
    expect(meta.issues).toBeUndefined();
  });

  it('names the department the page prints and warns when the file title names another', () => {
    const meta = documentMeta(
      docWith(
        ['江苏省政协办公厅', '2017', '年度部门预算'],
        [],
        'Microsoft Word - 江苏省委办公厅2017年度部门预算公开文件',
      ),
    );
    expect(meta).toMatchObject({ department: '江苏省政协办公厅', year: 2017 });
    expect(meta.issues?.map((i) => i.message)).toEqual([
      expect.stringMatching(/department: the page prints 江苏省政协办公厅 .* says 江苏省委办公厅/),
    ]);
    // One name with the party prefix and one without are the same unit.
    expect(
      documentMeta(docWith(['编制部门：中共江苏省委办公厅'], [], '江苏省委办公厅2018年度部门预算')).issues,
    ).toBeUndefined();
  });
});

describe('one department per document: a name wrapped onto the next line', () => {
  it('joins a 部门 line wrapped before its last characters into one name', () => {
    expect(documentMeta(docWith(['公开表一', '部门：上海市普陀区人民政府办', '公厅', '单位：万元'])).department).toBe(
      '上海市普陀区人民政府办公厅',
    );
    const meta = documentMeta(
      docWith([], [tableWith('t1', ['收支预算总表', '部门：上海市普陀区人民政府办', '公厅 单位：万元'])]),
    );
    expect(meta.department).toBe('上海市普陀区人民政府办公厅');
    expect(meta.region).toEqual({ province: '上海市', county: '普陀区' });
    // The wrap may fall after a part that reads as a name already.
    expect(documentMeta(docWith(['公开表二', '部门：江苏省人大常委会', '办公厅', '单位：万元'])).department).toBe(
      '江苏省人大常委会办公厅',
    );
  });

  it('joins only a short fragment that completes a name', () => {
    expect(joinWrappedName('上海市普陀区人民政府办', '公厅')).toBe('上海市普陀区人民政府办公厅');
    expect(joinWrappedName('江苏省人大常委会', '办公厅')).toBe('江苏省人大常委会办公厅');
    // A name followed by a header word, a unit line or a title stays as it is.
    expect(joinWrappedName('上海市财政局', '单位')).toBeUndefined();
    expect(joinWrappedName('上海市财政局', '单位:万元')).toBeUndefined();
    expect(joinWrappedName('上海市普陀区人民政府办', '一般公共预算财政拨款支出表')).toBeUndefined();
    expect(documentMeta(docWith(['编制单位：上海市财政局', '单位', '项目'])).department).toBe('上海市财政局');
  });

  it('reads no unit name from the prefix Word puts before a PDF title', () => {
    expect(orgFromTitle('Microsoft Word - 江苏省委办公厅2018年度部门预算公开文件')).toBe('江苏省委办公厅');
  });
});
