import { describe, expect, it } from 'vitest';
import { reconstructTables } from '../../../../src/extract/tables/index.js';
import { toTextRows } from '../../../../src/model/grid.js';
import { gridToTable } from '../../../../src/extract/tables/to-table.js';
import { run } from './helpers.js';

const origin = { id: 't', sourceId: 's', page: 1, extractor: 'test', method: 'text-layer' as const };

describe('stream tables (no ruling lines)', () => {
  it('rebuilds columns from alignment, one row per line, spans for runs over several columns', () => {
    const items = [
      run('项目', 0, 0),
      run('合计', 200, 0),
      run('基本支出', 300, 0),
      run('项目支出', 400, 0),
      run('一般公共服务支出', 0, 16),
      run('2,106.66', 200, 16),
      run('1,503.52', 300, 16),
      run('603.14', 400, 16),
      run('住房保障支出', 0, 32),
      run('445.69', 200, 32),
      run('445.69', 300, 32),
      run('合计（含一般公共服务支出与住房保障支出及其他）', 0, 48),
      run('2,552.35', 300, 48),
    ];
    const { tables, outside } = reconstructTables(items, []);
    expect(outside).toHaveLength(0);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.method).toBe('stream');
    const t = gridToTable(tables[0]!, origin);
    expect(toTextRows(t)).toEqual([
      ['项目', '合计', '基本支出', '项目支出'],
      ['一般公共服务支出', '2,106.66', '1,503.52', '603.14'],
      ['住房保障支出', '445.69', '445.69', ''],
      ['合计（含一般公共服务支出与住房保障支出及其他）', '', '2,552.35', ''],
    ]);
    expect(t.cells.find((c) => c.row === 3 && c.col === 0)?.colSpan).toBe(2);
  });

  it('leaves prose alone', () => {
    const items = [
      run('一、部门主要职能', 0, 0),
      run('负责本区财政收支管理。', 0, 16),
      run('二、机构设置', 0, 32),
      run('本部门下设三个科室。', 0, 48),
    ];
    const { tables, outside } = reconstructTables(items, []);
    expect(tables).toHaveLength(0);
    expect(outside).toHaveLength(4);
  });

  it('can be switched off', () => {
    const items = [0, 16, 32].flatMap((y) => [run('a', 0, y), run('b', 100, y), run('c', 200, y)]);
    expect(reconstructTables(items, [], { stream: false }).tables).toHaveLength(0);
    expect(reconstructTables(items, []).tables).toHaveLength(1);
  });
});
