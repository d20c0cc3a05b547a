import type { Table } from '../../model/document.js';
import { unitFromLine } from '../values.js';

/**
 * The unit the table itself prints (单位：万元 / 金额单位：元), nearest line first; never assumed:
 * Shanghai budgets print 元 for most tables and 万元 for the 三公 table of the same document.
 */
export function tableUnit(
  table: Table,
  innerContext: string[],
  headerPaths: string[][] = [],
  around: string[] = [],
): string | null {
  // The lines the title was found among (the page above, the foot of the page before) come after the table's own.
  const lines = [...innerContext]
    .reverse()
    .concat([...table.context].reverse(), table.caption ?? '', [...around].reverse());
  for (const line of lines) {
    const unit = unitFromLine(line);
    if (unit) return unit;
  }
  // A unit printed in the header instead: '金额（万元）', '预算数(元)'.
  for (const word of headerPaths.flat()) {
    const m = /[(（](万元|元)[)）]$/.exec(word);
    if (m) return m[1]!;
    // '金额（单位：万元）' in a header cell.
    const stated = unitFromLine(word);
    if (stated) return stated;
  }
  return null;
}
