import { normalise } from '../recognise/values.js';
import { printedLines } from './text.js';
import type { AuditContext, Finding, Rule } from './types.js';

export const placeholderRule = {
  id: 'consistency.placeholder',
  severity: 'error',
  description: 'a template placeholder is left in print (上海市XX局, ××, 【单位名称】, （单位名称）)',
} satisfies Rule;

/**
 * Placeholders of the publication templates (docs/domain.md §5; corpus shanghai-2024-final-template.pdf prints
 * 上海市 XX 局, XXX 万元, XX%, XXXX（制度名称）): two or more X or ×, a bracketed name to fill in. Latin words
 * (XXL, a URL) are not placeholders: the X-run stands alone or beside Chinese, digits or spaces.
 */
const PLACEHOLDER = new RegExp(
  [
    '(?<![A-Za-z])(?:[XxＸｘ]{2,}|[×╳✕]{2,})(?![A-Za-z])',
    '【[^】]{0,12}(?:名称|单位|部门|填写|XX|××|数字|金额|年份|日期)[^】]{0,6}】',
    '[(（](?:单位名称|部门名称|单位全称|部门全称|制度名称|项目名称|填报单位|具体名称)[)）]',
  ].join('|'),
  'g',
);

interface Spot {
  text: string;
  page: number | null;
  bbox: Finding['bbox'];
}

/** Lines outside the tables and every table cell, each with where it is printed. */
function spots(ctx: AuditContext): Spot[] {
  const out: Spot[] = printedLines(ctx.document).map((l) => ({ text: l.text, page: l.page, bbox: l.bbox }));
  for (const t of ctx.document.tables) {
    for (const c of t.context) out.push({ text: c, page: t.prov.page, bbox: null });
    for (const c of t.cells) out.push({ text: c.text, page: c.prov.page, bbox: c.prov.bbox ?? null });
  }
  return out;
}

/** One finding per printed line or cell that holds placeholders, naming each. */
export function placeholderFindings(ctx: AuditContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const s of spots(ctx)) {
    const text = normalise(s.text);
    const found = [...text.matchAll(PLACEHOLDER)].map((m) => m[0]);
    if (found.length === 0) continue;
    const key = `${s.page}|${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const at = s.bbox ? s : (ctx.locate.find(found[0]!, { context: text, ...(s.page ? { page: s.page } : {}) }) ?? s);
    out.push({
      rule: placeholderRule.id,
      severity: placeholderRule.severity,
      message: `template placeholder${found.length > 1 ? 's' : ''} ${[...new Set(found)].join(', ')} left in print`,
      page: at.page,
      bbox: at.bbox ?? null,
      text,
      expected: null,
      actual: found[0]!,
    });
  }
  return out;
}
