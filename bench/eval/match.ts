import { candidateRecords, candidateRows, resolvePath, type Location } from './locate.js';
import { bareLabel, normText, sameValue } from './normalise.js';
import type { EvalRecord, GtValue, Match, ValueState } from './types.js';

/**
 * Matches every ground-truth value of a document to one record value. Each record value serves one GT value at
 * most; where several rows fit equally (a label printed twice in one table), the one on the GT page holding the
 * printed value is taken, else the first.
 */

/** A short name for the GT value in reports: 'p.5 2010201 行政运行 / total'. */
export function describe(gt: GtValue): string {
  const what =
    gt.field ??
    (gt.indicator
      ? `${gt.indicator} / ${gt.key ?? 'value'}`
      : `${[gt.side, gt.code, gt.row].filter(Boolean).join(' ') || '(only line)'} / ${gt.key ?? '?'}`);
  return `p.${gt.page} ${gt.form ? `[${gt.form}] ` : ''}${what}`;
}

/** Where in `record` the value may sit, or why it cannot be there. */
export function locate(gt: GtValue, record: EvalRecord): { locations: Location[]; reason?: string } {
  const page = record.provenance?.page;
  if (gt.field) {
    const r = resolvePath(record, gt.field);
    return { locations: [{ record, path: r.path, got: r.got, ...(page ? { page } : {}) }] };
  }
  if (gt.indicator) {
    const inds = record.indicators ?? [];
    let idx = inds.flatMap((ind, j) => (normText(ind.level3) === normText(gt.indicator) ? [j] : []));
    if (!idx.length) idx = inds.flatMap((ind, j) => (bareLabel(ind.level3) === bareLabel(gt.indicator) ? [j] : []));
    if (!idx.length) return { locations: [], reason: `no indicator '${gt.indicator}'` };
    return {
      locations: idx.map((j) => {
        const r = resolvePath(inds[j], gt.key ?? 'value', `indicators.${j}`);
        const p = (inds[j]!.provenance as { page?: number } | undefined)?.page;
        return { record, path: r.path, got: r.got, ...(p ? { page: p } : {}) };
      }),
    };
  }
  const rows = candidateRows(record.rows ?? [], gt);
  if (!rows.length)
    return { locations: [], reason: `no row ${[gt.side, gt.code, gt.row].filter(Boolean).join(' ') || '(only line)'}` };
  return {
    locations: rows.map(([row, i]) => {
      const keys = Object.keys(row.values ?? {});
      const key = gt.key ?? (keys.length === 1 ? keys[0]! : '');
      const p = row.provenance?.page;
      const where = row.values && key in row.values ? 'values' : row.notes && key in row.notes ? 'notes' : 'values';
      const got = where === 'values' ? row.values?.[key] : row.notes?.[key];
      return { record, path: `rows.${i}.${where}.${key}`, got, ...(p ? { page: p } : {}) };
    }),
  };
}

/** The state verification gives the value; a record without verification leaves everything unchecked. */
export function stateOf(record: EvalRecord, path: string): ValueState {
  const states = record.verification?.states ?? {};
  return states[path] ?? states[path.replace(/\.(value|text)$/, '')] ?? states[`${path}.value`] ?? 'unchecked';
}

export function matchDocument(values: GtValue[], records: EvalRecord[]): Match[] {
  const taken = new Set<string>();
  const id = (l: Location) => `${records.indexOf(l.record)}:${l.path}`;
  return values.map((gt): Match => {
    const { records: pool, reason } = candidateRecords(gt, records);
    if (!pool.length) return { gt, found: false, exact: false, reason: reason! };
    const tried = pool.map((r) => locate(gt, r));
    const locations = tried.flatMap((t) => t.locations);
    const present = locations.filter((l) => l.got !== undefined);
    if (!present.length) {
      const first = locations[0];
      // A blank line of a blank template read as no line: nothing printed, nothing lost (the record of that type is
      // there; only a printed figure can be missing).
      if (
        normText(gt.value) === '' &&
        pool.every((r) => !(r.rows ?? []).some((row) => Object.values(row.values ?? {}).some((v) => v !== null)))
      )
        return { gt, record: pool[0]!, found: true, exact: true, reason: 'blank line of a blank table' };
      const why = first
        ? `no value under key '${gt.key ?? '?'}' (${first.path})`
        : (tried.find((t) => t.reason)?.reason ?? 'not found');
      return {
        gt,
        record: first?.record ?? pool[0]!,
        ...(first ? { path: first.path } : {}),
        found: false,
        exact: false,
        reason: why,
      };
    }
    const free = present.filter((l) => !taken.has(id(l)));
    const rank = (l: Location) => (sameValue(gt.value, l.got) ? 2 : 0) + (l.page === gt.page ? 1 : 0);
    const choice = (free.length ? free : present).reduce((best, l) => (rank(l) > rank(best) ? l : best));
    taken.add(id(choice));
    return {
      gt,
      record: choice.record,
      path: choice.path,
      got: choice.got,
      found: true,
      exact: sameValue(gt.value, choice.got),
      state: stateOf(choice.record, choice.path),
    };
  });
}
