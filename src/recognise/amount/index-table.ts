import type { Issue, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { Provenance } from '../../model/document.js';
import { toTextRows } from '../../model/grid.js';
import { cellAt } from '../../model/grid.js';
import { cleanLabel, squash } from './text.js';

export interface EmptyIndexEntry {
  seq: string;
  title: string;
  isEmpty: boolean | null;
  reason: string | null;
  provenance: Provenance;
}

/**
 * The index of published tables (seed 001: 序号 / 内容 / 是否空表 / 表格为空的理由): which tables
 * are empty on purpose, and why.
 */
export function readEmptyIndex(table: Table): { entries: EmptyIndexEntry[]; issues: Issue[] } {
  const texts = toTextRows(table).map((row) => row.map(squash));
  const headerAt = texts.findIndex((row) => row.some((t) => /^序号$|^内容$/.test(t)));
  const issues: Issue[] = [];
  if (headerAt < 0) {
    issues.push(
      issue('warning', 'amount.index_header_missing', 'no 序号 / 内容 header in the empty-table index', table.prov),
    );
    return { entries: [], issues };
  }
  const head = texts[headerAt]!;
  const col = (re: RegExp) => head.findIndex((t) => re.test(t));
  const seqCol = col(/序号/);
  const titleCol = col(/内容|表名|名称/);
  const emptyCol = col(/是否.*空表/);
  const reasonCol = col(/理由|原因|说明/);
  const entries: EmptyIndexEntry[] = [];
  for (let r = headerAt + 1; r < table.nRows; r++) {
    const text = (c: number) => (c >= 0 ? cleanLabel(cellAt(table, r, c)?.text ?? '') : '');
    const title = text(titleCol);
    if (title === '') continue;
    const flag = squash(text(emptyCol));
    const reason = text(reasonCol);
    entries.push({
      seq: text(seqCol),
      title,
      isEmpty: flag === '是' ? true : flag === '否' ? false : null,
      reason: reason === '' ? null : reason,
      provenance: (cellAt(table, r, titleCol) ?? table).prov,
    });
  }
  return { entries, issues };
}
