import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Table } from '../../../../src/model/document.js';
import { recogniseDocument } from '../../../../src/recognise/registry.js';
import type { PerfProjectTarget } from '../../../../schemas/perf-project-target.js';
import { buildTable, contextFor } from './build-table.js';
import { SHANGHAI_TITLE, shanghaiContinuation, shanghaiForm } from './shanghai-grids.js';

/** A table printed on `page`: its cells and itself carry that page. */
function onPage(t: Table, page: number): Table {
  return { ...t, prov: { ...t.prov, page }, cells: t.cells.map((c) => ({ ...c, prov: { ...c.prov, page } })) };
}

function documentOf(...tables: Table[]): ExtractedDocument {
  return { ...contextFor(tables[0]!).doc, tables };
}

describe('a form continued on the next page as a table of its own (the extractor did not join it)', () => {
  const form = () => onPage(buildTable(shanghaiForm(), [SHANGHAI_TITLE, '（2025年度）'], 'p1-t1'), 1);
  const rest = (page: number, id: string) => onPage(buildTable(shanghaiContinuation(), [], id), page);

  it('is joined to the form: one record, its indicators from both pages', () => {
    const { records } = recogniseDocument(documentOf(form(), rest(2, 'p2-t1')));
    expect(records.map((r) => r.tableType)).toEqual(['perf.project_target']);
    const r = records[0] as unknown as PerfProjectTarget;
    expect(r.indicators.map((i) => [i.level3, i.provenance.page])).toEqual([
      ['道路绿地养护面积', 1],
      ['养护作业按时完成率', 1],
      ['养护监理费用', 1],
      ['资金使用管理', 1],
      ['道路绿化景观效果', 2],
      ['道路绿地完好率', 2],
    ]);
    expect(r.issues.map((i) => i.code)).toContain('recognise.joined_continuation');
  });

  it('joins a form printed over three pages', () => {
    const { records } = recogniseDocument(documentOf(form(), rest(2, 'p2-t1'), rest(3, 'p3-t1')));
    expect(records.map((r) => [r.tableType, (r as unknown as PerfProjectTarget).indicators.length])).toEqual([
      ['perf.project_target', 8],
    ]);
  });

  it('claims no headerless table that does not start the page after a form', () => {
    const { records } = recogniseDocument(documentOf(form(), rest(3, 'p3-t1')));
    expect(records.map((r) => r.tableType)).toEqual(['perf.project_target', 'unknown']);
    const alone = recogniseDocument(documentOf(rest(2, 'p2-t1')));
    expect(alone.records.map((r) => r.tableType)).toEqual(['unknown']);
  });

  it('never takes the next form for a continuation', () => {
    const next = onPage(buildTable(shanghaiForm({ name: '行道树修剪' }), [SHANGHAI_TITLE, '（2025年度）'], 'p2-t1'), 2);
    const { records } = recogniseDocument(documentOf(form(), next));
    expect(records.map((r) => (r as unknown as PerfProjectTarget).projectName?.value)).toEqual([
      '道路绿化日常养护',
      '行道树修剪',
    ]);
  });
});
