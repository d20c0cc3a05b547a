import { FAMILIES, type AmountFamily } from './families/index.js';
import { REGIONS } from './regions/index.js';
import { FAMILY_SPECS } from './specs.js';

/**
 * The data dictionary of the amount tables (issue 11), from the same family and region files that drive
 * recognition and the schemas: per table type, what it is, and per column key the printed header it stands for
 * and every header spelling that maps to it, with where each spelling comes from (the family's national
 * template or a region). docs/data-dictionary.md is this, rendered (test/unit/recognise/amount/dictionary.test.ts
 * keeps it current); exports can call `dataDictionary()` to label their columns.
 */
export interface DictionaryColumn {
  key: string;
  /** The printed header the key stands for ('本年收入合计'). */
  label: string;
  /** A text column (kept in `notes`), not an amount. */
  text: boolean;
  /** Header patterns mapped to the key, by source: 'family' (the national template) or a region id. */
  headers: Array<{ from: string; patterns: string[] }>;
}

export interface DictionaryTable {
  /** 'final.income' */
  tableType: string;
  family: AmountFamily;
  description: string;
  layout: string;
  /** Title patterns, by source. */
  titles: Array<{ from: string; patterns: string[] }>;
  columns: DictionaryColumn[];
  /** Row identities: 'row_total: total = a + b'. */
  identities: string[];
  /** Lines every complete table prints. */
  requiredRows: string[];
}

export function dataDictionary(): DictionaryTable[] {
  const out: DictionaryTable[] = [];
  for (const def of FAMILIES) {
    const spec = FAMILY_SPECS[def.id];
    const titles = [{ from: 'family', patterns: def.title.patterns.map((p) => p.source) }];
    for (const r of REGIONS) {
      const extra = r.families[def.id]?.titles ?? [];
      if (extra.length > 0) titles.push({ from: r.id, patterns: extra.map((p) => p.source) });
    }
    const columns = Object.entries(def.columns).map(([key, c]) => ({
      key,
      label: c.label,
      text: !!c.text,
      headers: (spec.sources[key] ?? []).map((s) => ({ from: s.from, patterns: s.patterns.map((p) => p.source) })),
    }));
    for (const kind of def.kinds) {
      out.push({
        tableType: `${kind}.${def.id}`,
        family: def.id,
        description: def.description,
        layout: def.layout,
        titles: titles.filter((t) => t.patterns.length > 0),
        columns,
        identities: def.identities.map((i) => `${i.name}: ${i.total} = ${i.parts.join(' + ')}`),
        requiredRows: def.requiredRows.map(
          (r) => `${r.name} (${r.scope === 'each_side' ? 'on each side' : 'in a coded table'})`,
        ),
      });
    }
  }
  return out.sort((a, b) =>
    a.tableType.startsWith('final.') === b.tableType.startsWith('final.')
      ? 0
      : a.tableType.startsWith('final.')
        ? -1
        : 1,
  );
}

const code = (s: string) => `\`${s.replace(/\|/g, '\\|')}\``;

/** docs/data-dictionary.md. */
export function renderDataDictionary(): string {
  const lines: string[] = [
    '# Data dictionary: amount tables',
    '',
    'Generated from `src/recognise/amount/families/*.ts` (one file per family: title and header rules, columns, required rows,',
    'identities) and `src/recognise/amount/regions/*.ts` (one file per region: its printed variants) by',
    '`renderDataDictionary()` in `src/recognise/amount/dictionary.ts`. Do not edit by hand: change the family or region file and',
    'run `UPDATE_GOLDEN=1 npx vitest run test/unit/recognise/amount/dictionary.test.ts`.',
    '',
    'Each record is `{ tableType, title, unit, …, rows[] }` (docs/architecture.md, Output contract); a row is `{ code?, name, values,',
    'cells, notes? }` and `values` holds the keys below. A header path is the printed header texts over a column, spaces removed,',
    'outermost first, joined with `/`; keys are tried in the order listed, the first whose pattern matches wins. Regions: ' +
      REGIONS.map((r) => `${r.id} (${r.name}: ${r.series})`).join('; ') +
      '.',
    '',
  ];
  for (const t of dataDictionary()) {
    lines.push(`## ${t.tableType}`, '', `${t.description}.`, '');
    lines.push(
      `Layout: ${t.layout}. Titles: ${t.titles.map((s) => `${s.patterns.map(code).join(', ')} (${s.from})`).join('; ') || 'none (typed by its header)'}.`,
      '',
    );
    if (t.columns.length > 0) {
      lines.push('| key | printed header | kind | header patterns |', '|---|---|---|---|');
      for (const c of t.columns) {
        const headers = c.headers.map((h) => `${h.patterns.map(code).join(', ')} (${h.from})`).join('; ') || '—';
        lines.push(`| \`${c.key}\` | ${c.label} | ${c.text ? 'text (`notes`)' : 'amount'} | ${headers} |`);
      }
      lines.push('');
    }
    if (t.identities.length > 0) lines.push(`Identities: ${t.identities.map((i) => `\`${i}\``).join('; ')}.`, '');
    if (t.requiredRows.length > 0) lines.push(`Required rows: ${t.requiredRows.join('; ')}.`, '');
  }
  return lines.join('\n');
}
