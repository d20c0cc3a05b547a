import type { Check, LineRow } from '../../../schemas/common.js';
import { cellRef, defined, sumCheck } from '../../validate/sum-check.js';

/**
 * Tables that group lines under a merged label instead of codes (Jiangsu 收入预算总表:
 * '一般公共预算资金' over 小计 / 公共财政拨款(补助)资金 / 专项收入): 小计 = Σ the group's lines
 * (其中 lines excluded, they restate a part), 收入总计 = Σ the groups' 小计.
 */
export function groupChecks(prefix: string, rows: LineRow[], keys: string[]): Check[] {
  const grouped = rows.filter((r) => r.name.includes('/'));
  if (grouped.length === 0) return [];
  const groups = new Map<string, LineRow[]>();
  for (const r of grouped) {
    const g = r.name.slice(0, r.name.indexOf('/'));
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const checks: Array<Check | undefined> = [];
  const subtotals: LineRow[] = [];
  for (const [group, lines] of groups) {
    const subtotal = lines.find((r) => r.name.endsWith('/小计'));
    if (!subtotal) continue;
    subtotals.push(subtotal);
    const parts = lines.filter((r) => r !== subtotal && !/^其中/.test(r.name.slice(group.length + 1)));
    if (parts.length === 0) continue;
    for (const key of keys)
      checks.push(
        sumCheck(
          `${prefix}.group`,
          cellRef(subtotal, key),
          parts.map((p) => cellRef(p, key) ?? 0),
          `${group} 小计: ${key} = Σ ${parts.length} lines`,
        ),
      );
  }
  const grand = rows.find((r) => !r.name.includes('/') && /(总计|合计)$/.test(r.name));
  if (grand && subtotals.length > 0)
    for (const key of keys)
      checks.push(
        sumCheck(
          `${prefix}.group_total`,
          cellRef(grand, key),
          subtotals.map((s) => cellRef(s, key)),
          `${grand.name}: ${key} = Σ 小计`,
        ),
      );
  return defined(checks);
}
