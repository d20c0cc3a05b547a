import { isAmountTable } from './records.js';
import { departmentKey } from '../recognise/meta/department-id.js';
import { compactName, isOrgName } from '../recognise/meta/org-name.js';
import { normalise } from '../recognise/values.js';
import { type TextLocator, placeOf } from './locate.js';
import { placeholderFindings, placeholderRule } from './placeholders.js';
import { fullSentences, isHeading, printedLines } from './text.js';
import type { AuditContext, Finding, Rule, RuleFamily } from './types.js';

/**
 * Consistency (docs/domain.md §5): one year on cover, titles, headings and 截至 dates, one department name on the
 * tables' 编制部门 lines, the unit printed on each amount table, no template placeholder left in.
 */
const rules = {
  year: {
    id: 'consistency.year_mismatch',
    severity: 'error',
    description: 'a cover, table title or heading names another year than the document',
  },
  cutoff: {
    id: 'consistency.cutoff_date',
    severity: 'error',
    description: 'a 截至 date is not in the year the accounts close (决算: the year itself; 预算: the year before)',
  },
  cutoffLate: {
    id: 'consistency.cutoff_date_late',
    severity: 'warning',
    description: 'a 截至 date lies after the period the document covers',
  },
  department: {
    id: 'consistency.department_mismatch',
    severity: 'error',
    description: 'a table names another department on its 编制部门 / 部门 line than the other tables',
  },
  unit: {
    id: 'consistency.unit_missing',
    severity: 'warning',
    description: 'an amount table prints no unit (单位：万元 / 元)',
  },
} satisfies Record<string, Rule>;

/** A year as a title names it ('2019年度', '2025 年'): not a date (年8月), not a range or comparison ('比2023年'). */
const YEAR = /((?:19|20)\d{2})\s*年(?:度)?(?!\s*\d{1,2}\s*月)/g;
const NOT_OWN_YEAR = /(?:比|较|与|同|上|截至|截止|至|到|自|从|[-—~])\s*$/;

function yearsIn(text: string): Array<{ year: number; printed: string }> {
  const t = normalise(text);
  const out: Array<{ year: number; printed: string }> = [];
  for (const m of t.matchAll(YEAR))
    if (!NOT_OWN_YEAR.test(t.slice(0, m.index))) out.push({ year: Number(m[1]), printed: m[0] });
  return out;
}

/** The lines that name the document's year: the cover (page 1 up to 目录), table titles, headings. */
function titledLines(
  ctx: AuditContext,
): Array<{ text: string; page: number | null; bbox: Finding['bbox']; what: string }> {
  const out: Array<{ text: string; page: number | null; bbox: Finding['bbox']; what: string }> = [];
  for (const l of printedLines(ctx.document)) {
    if (l.page === 1 && /^目\s*录$/.test(l.text.trim())) break;
    if (l.page === 1) out.push({ ...l, what: 'cover' });
  }
  for (const l of printedLines(ctx.document)) if (isHeading(l.text)) out.push({ ...l, what: 'heading' });
  for (const t of ctx.document.tables)
    for (const c of t.context)
      if (/表/.test(c) && !/[。，,；;]/.test(c) && c.length <= 60)
        out.push({ text: c, page: t.prov.page, bbox: null, what: 'table title' });
  return out;
}

function yearFindings(ctx: AuditContext, locate: TextLocator): Finding[] {
  const year = ctx.meta.year;
  if (year === null) return [];
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const line of titledLines(ctx)) {
    for (const y of yearsIn(line.text)) {
      if (y.year === year) continue;
      const key = `${line.page}|${normalise(line.text)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = line.bbox ? { page: line.page, bbox: line.bbox } : locate.find(y.printed, { context: line.text });
      out.push({
        rule: rules.year.id,
        severity: rules.year.severity,
        message: `${line.what} names ${y.year} in a ${year} document: 「${normalise(line.text)}」`,
        page: at?.page ?? line.page,
        bbox: at?.bbox ?? null,
        text: normalise(line.text),
        expected: year,
        actual: y.year,
      });
    }
  }
  return out;
}

const CUTOFF = /截[至止]到?\s*((?:19|20)\d{2})\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|底|末)?/g;

function cutoffFindings(ctx: AuditContext, locate: TextLocator): Finding[] {
  const { year, kind } = ctx.meta;
  if (year === null || (kind !== 'final' && kind !== 'budget')) return [];
  // A 决算 closes its own year (截至2019年12月31日); a budget is drafted on the year before's figures (截至2024年8月31日).
  const [first, last] = kind === 'final' ? [year, year] : [year - 1, year];
  const out: Finding[] = [];
  for (const s of fullSentences(ctx.document)) {
    for (const m of s.text.matchAll(CUTOFF)) {
      const y = Number(m[1]);
      if (y >= first && y <= last) continue;
      const rule = y < first ? rules.cutoff : rules.cutoffLate;
      const at = locate.find(m[0], { context: s.text }) ?? placeOf(s.prov);
      out.push({
        rule: rule.id,
        severity: rule.severity,
        message: `「${m[0]}」 in a ${year} ${kind === 'final' ? '决算' : '预算'}: expected ${first === last ? first : `${first} or ${last}`}`,
        page: at.page,
        bbox: at.bbox,
        text: m[0],
        expected: first,
        actual: y,
      });
    }
  }
  return out;
}

/** 编制部门：X / 部门：X / 单位名称：X on a table's lines; the 单位 printed beside it cut off. */
const DEPT_LINE =
  /^(?:编制部门|编制单位|部门名称|单位名称|填报单位|预算单位|部门)\s*[:：]\s*(.+?)(?:\s{2,}|\s*(?:金额)?单位\s*[:：]|\s*公开\d+表|$)/;

function departmentFindings(ctx: AuditContext, locate: TextLocator): Finding[] {
  const votes: Array<{ name: string; key: string; line: string; page: number }> = [];
  for (const t of ctx.document.tables) {
    for (const c of t.context) {
      const m = DEPT_LINE.exec(normalise(c));
      if (!m || !isOrgName(m[1]!)) continue;
      const name = compactName(m[1]!);
      votes.push({ name, key: departmentKey(name), line: normalise(c), page: t.prov.page });
      break;
    }
  }
  if (votes.length < 3) return [];
  const counts = new Map<string, number>();
  for (const v of votes) counts.set(v.key, (counts.get(v.key) ?? 0) + 1);
  const [major, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (n * 2 <= votes.length) return [];
  const same = (k: string) => k.includes(major) || major.includes(k);
  const name = votes.find((v) => v.key === major)!.name;
  return votes
    .filter((v) => !same(v.key))
    .map((v) => {
      const at = locate.find(v.name, { page: v.page });
      return {
        rule: rules.department.id,
        severity: rules.department.severity,
        message: `the table on p. ${v.page} names ${v.name} where ${n} of ${votes.length} tables name ${name}`,
        page: at?.page ?? v.page,
        bbox: at?.bbox ?? null,
        text: v.line,
        expected: name,
        actual: v.name,
      };
    });
}

function unitFindings(ctx: AuditContext): Finding[] {
  return ctx.records
    .filter(
      (r) =>
        isAmountTable(r) && r.unit === null && r.rows.some((row) => Object.values(row.values).some((v) => v !== null)),
    )
    .map((r) => ({
      rule: rules.unit.id,
      severity: rules.unit.severity,
      message: `${r.title || r.tableType} prints amounts but no unit`,
      ...placeOf(r.provenance),
      text: r.title || null,
      expected: '单位：万元 or 单位：元',
      actual: null,
    }));
}

export const consistency: RuleFamily = {
  id: 'consistency',
  rules: [...Object.values(rules), placeholderRule],
  run(ctx) {
    const { locate } = ctx;
    return [
      ...yearFindings(ctx, locate),
      ...cutoffFindings(ctx, locate),
      ...departmentFindings(ctx, locate),
      ...unitFindings(ctx),
      ...placeholderFindings(ctx),
    ];
  },
};
