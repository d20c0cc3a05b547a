import { describe, expect, it } from 'vitest';
import { printedValue, toYuan, unscaled } from '../../../src/export/decimal.js';
import { departmentId, departmentKey } from '../../../src/recognise/meta/department-id.js';
import { budgetLevel } from '../../../src/store/document-facets.js';
import type { RecognisedRecord } from '../../../src/recognise/types.js';

describe('dataset values as exact decimals (src/export/decimal.ts)', () => {
  it('prints an amount to its table’s decimals, never shorter and never in exponent form', () => {
    expect(printedValue(46, 2)).toBe('46.00');
    expect(printedValue(24458.43, 2)).toBe('24458.43');
    expect(printedValue(0.125, 2)).toBe('0.125');
    expect(printedValue(1e-7)).toBe('0.0000001');
    expect(printedValue(171915169, 0)).toBe('171915169');
  });

  it('shifts 万元 into 元 on the digits, so no float rounds it', () => {
    // 24458.43 * 10000 is 244584300.00000003 in floating point.
    expect(toYuan('24458.43', '万元')).toBe('244584300');
    expect(toYuan('0.01', '万元')).toBe('100');
    expect(toYuan('0.000001', '万元')).toBe('0.01');
    expect(toYuan('-12.5', '万元')).toBe('-125000');
    expect(toYuan('1234.56', '元')).toBe('1234.56');
    expect(toYuan('0', '万元')).toBe('0');
    expect(toYuan('12', '千元')).toBeNull();
    expect(toYuan('12', null)).toBeNull();
  });

  it('gives the unscaled integer of DECIMAL(28, 6), refusing what needs more places', () => {
    expect(unscaled('244584300')).toBe(244584300000000n);
    expect(unscaled('-0.05')).toBe(-50000n);
    expect(unscaled('0.0000001')).toBeUndefined();
  });
});

describe('department identity (src/recognise/meta/department-id.ts)', () => {
  const jiangsu = { province: '江苏省' };
  const putuo = { province: '上海市', county: '普陀区' };

  it('joins the full and short forms, 中共 / 中国共产党, brackets and spaces of one department', () => {
    const ids = (names: string[], region = jiangsu) => new Set(names.map((n) => departmentId(n, region)));
    expect(
      ids([
        '江苏省政协办公厅',
        '中国人民政治协商会议江苏省委员会办公厅',
        '政协江苏省委员会办公厅',
        '省政协办公厅',
        '江苏省 政协 办公厅（本级）',
      ]),
    ).toEqual(new Set(['32:江苏省政协办公厅']));
    expect(ids(['中共江苏省委办公厅', '江苏省委办公厅', '中国共产党江苏省委员会办公厅'])).toEqual(
      new Set(['32:江苏省委办公厅']),
    );
    expect(ids(['江苏省人大常委会办公厅', '江苏省人民代表大会常务委员会办公厅'])).toEqual(
      new Set(['32:江苏省人大办公厅']),
    );
    expect(ids(['上海市普陀区人民政府办公室', '普陀区政府办公室', '区政府办公室'], putuo)).toEqual(
      new Set(['310107:上海市普陀区政府办公室']),
    );
  });

  it('names a general office as the region’s level does: 办公厅 at province level, 办公室 below', () => {
    expect(departmentKey('江苏省人大办公室', jiangsu)).toBe('江苏省人大办公厅');
    expect(departmentKey('上海市普陀区人民政府办公厅', putuo)).toBe('上海市普陀区政府办公室');
    // Without the document's region, the region the name prints decides; nothing is put in front.
    expect(departmentKey('洪江市人民政府办公厅')).toBe('洪江市政府办公室');
    expect(departmentKey('上海市财政局')).toBe('上海市财政局');
  });

  it('keeps different departments apart', () => {
    expect(departmentId('上海市普陀区财政局', putuo)).not.toBe(departmentId('上海市财政局', { province: '上海市' }));
    expect(departmentId('江苏省政协办公厅', jiangsu)).not.toBe(departmentId('江苏省人大常委会办公厅', jiangsu));
    expect(departmentId(null, jiangsu)).toBeUndefined();
  });
});

describe('budget level (src/store/document-facets.ts)', () => {
  const rec = (title: string, extra: Record<string, unknown> = {}) =>
    ({ title, ...extra }) as unknown as RecognisedRecord;

  it('reads 部门 / 单位 and 汇总 / 本级 from the titles a document prints, null where none says', () => {
    expect(budgetLevel([rec('2025年部门收入预算总表'), rec('2025年部门支出预算总表')])).toBe('department');
    expect(budgetLevel([rec('2025年预算单位收入预算总表'), rec('2025年单位“三公”经费和机关运行经费预算表')])).toBe(
      'unit',
    );
    expect(budgetLevel([rec('情况说明', { documentTitle: '江苏省委办公厅2018年度部门预算公开文件' })])).toBe(
      'department',
    );
    expect(budgetLevel([rec('收支预算总表', { documentTitle: 'XX局本级2024年部门预算' })])).toBe('department_own');
    expect(budgetLevel([rec('2024年部门汇总预算表')])).toBe('department_consolidated');
    // The Jiangsu 公开表 print no level: 收支预算总表 under '部门：X' names the department, not the level.
    expect(budgetLevel([rec('收支预算总表'), rec('财政拨款支出预算表')])).toBeNull();
  });
});
