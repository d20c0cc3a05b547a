import type { Check, LineRow } from '../../../schemas/common.js';
import { cellRef, defined, sumCheck } from '../../validate/sum-check.js';
import type { BodyRow } from './line-rows.js';
import { ordinalPrefix, squash } from './text.js';

/**
 * 政府采购预算表 (Jiangsu): lines are printed as a tree without codes: a 采购品目大类 line (`一、货物A`), under it a
 * line per 专项名称 with its 经济科目, under that one line per 采购物品名称. Each level's amount is the sum of the
 * level below, and 合计 the sum of the 大类 (docs/domain.md §3.1: every printed total is an identity).
 */
type Notes = { notes?: Record<string, string> };
type Level = 'category' | 'project' | 'item';

const note = (r: LineRow, key: string) => squash(String((r as LineRow & Notes).notes?.[key] ?? ''));

function levelOf(r: LineRow): Level | undefined {
  if (ordinalPrefix(note(r, 'category')) === 'top') return 'category';
  // A 专项 merged down over several 经济科目 prints its name once: the lines below it carry only their 经济科目.
  if (note(r, 'project') !== '' || note(r, 'economicItem') !== '') return 'project';
  if (note(r, 'item') !== '') return 'item';
  return undefined;
}

export function procurementName(r: BodyRow): string {
  const t = r.texts ?? {};
  return t.item ?? t.project ?? t.economicItem ?? t.category ?? r.name;
}

/** Lines under `at` one level down, up to the next line of its level or above. */
function childrenOf(rows: LineRow[], levels: Array<Level | undefined>, at: number, child: Level): LineRow[] {
  const order: Level[] = ['category', 'project', 'item'];
  const own = order.indexOf(levels[at]!);
  const out: LineRow[] = [];
  for (let j = at + 1; j < rows.length; j++) {
    const l = levels[j];
    if (l === undefined) break;
    if (order.indexOf(l) <= own) break;
    if (l === child) out.push(rows[j]!);
  }
  return out;
}

export function procurementChecks(tableType: string, rows: LineRow[]): Check[] {
  const levels = rows.map(levelOf);
  const checks: Array<Check | undefined> = [];
  const total = rows.find((r) => /^(合计|总计)$/.test(squash(r.name)));
  const tops = rows.filter((_, i) => levels[i] === 'category');
  if (total)
    checks.push(
      sumCheck(
        `${tableType}.total`,
        cellRef(total, 'total'),
        tops.map((r) => cellRef(r, 'total')),
        `${total.name} = Σ 采购品目大类`,
      ),
    );
  rows.forEach((r, i) => {
    const child = levels[i] === 'category' ? 'project' : levels[i] === 'project' ? 'item' : undefined;
    if (!child) return;
    const parts = childrenOf(rows, levels, i, child);
    if (parts.length > 0)
      checks.push(
        sumCheck(
          `${tableType}.${levels[i]}_sum`,
          cellRef(r, 'total'),
          parts.map((p) => cellRef(p, 'total')),
          `${r.name} = Σ ${child === 'project' ? '专项' : '采购物品'}`,
        ),
      );
  });
  return defined(checks);
}
