import { describe } from './match.js';
import { show } from './normalise.js';
import type { Tally, VerificationTotals } from './score.js';
import type { Summary } from './run.js';

/** The eval's printed report and its `--json` machine summary. */

const pct = (a: number, b: number) => (b === 0 ? '    -  ' : `${((100 * a) / b).toFixed(1).padStart(6)}%`);
const share = (v: VerificationTotals) => (v.total ? v.verified / v.total : null);

function line(label: string, t: Tally): string {
  return [
    label.padEnd(26),
    String(t.values).padStart(6),
    String(t.found).padStart(6),
    String(t.exact).padStart(6),
    pct(t.exact, t.values),
    `${t.typed}/${t.tables}`.padStart(8),
    pct(t.verification.verified, t.verification.total),
    `${t.verification.verified}/${t.verification.total}`.padStart(11),
  ].join(' ');
}

export function printReport(s: Summary, options: { verbose?: boolean; log?: (s: string) => void } = {}): void {
  const log = options.log ?? console.log;
  if (options.verbose)
    for (const d of s.documents) {
      const bad = d.matches.filter((m) => !m.exact);
      if (!bad.length && d.typing.every((t) => t.typed)) continue;
      log(`\n== ${d.document} (${d.file}): ${bad.length} mismatches`);
      for (const t of d.typing.filter((x) => !x.typed))
        log(
          `   table p.${t.table.page} ${t.table.tableType} '${t.table.title ?? ''}': not typed${t.mistyped.length ? ` (records there: ${t.mistyped.map((r) => r.tableType).join(', ')})` : ''}`,
        );
      for (const m of bad) {
        const where = m.record
          ? ` in ${m.record.tableType} p.${m.record.provenance?.page ?? '?'} (${m.record.status ?? '?'})`
          : '';
        const got = m.found ? `${show(m.got)} at ${m.path} [${m.state}]` : `not found: ${m.reason}`;
        log(`   ${m.gt.tableType} ${describe(m.gt)}: GT ${show(m.gt.value)}, got ${got}${where}`);
      }
    }
  log('');
  log(
    `ground truth: ${s.documents.length} documents, ${s.overall.values} values, ${s.overall.tables} tables${s.skipped.length ? `; ${s.skipped.length} skipped (see !! lines)` : ''}`,
  );
  log('');
  log(
    ['table type'.padEnd(26), 'GT val', ' found', ' exact', ' field acc.', '  typed', ' verified', '   of values'].join(
      ' ',
    ),
  );
  for (const [type, t] of [...s.byType].sort(([a], [b]) => a.localeCompare(b))) log(line(type, t));
  log(line('OVERALL', s.overall));
  const v = s.verification;
  log('');
  log(
    `field accuracy: ${s.overall.exact}/${s.overall.values} GT values exact (${pct(s.overall.exact, s.overall.values).trim()}), ${s.overall.found} found; tables typed correctly: ${s.overall.typed}/${s.overall.tables}`,
  );
  const typings = s.documents.flatMap((d) => d.typing);
  const titled = typings.filter((t) => t.titled !== null);
  const united = typings.filter((t) => t.unitOk !== null);
  const extra = s.documents.flatMap((d) =>
    d.extraTyped.map((r) => `${d.file}: ${r.tableType} p.${r.provenance?.page ?? '?'} '${r.title ?? ''}'`),
  );
  log(
    `titles as printed: ${titled.filter((t) => t.titled).length}/${titled.length}; units as printed: ${united.filter((t) => t.unitOk).length}/${united.length}; records typed where ground truth prints no table: ${extra.length}`,
  );
  if (options.verbose) {
    for (const d of s.documents)
      for (const t of d.typing.filter((x) => x.titled === false || x.unitOk === false)) {
        const got = t.records.map((r) => `'${r.title ?? ''}' / ${r.unit ?? 'none'}`).join(', ');
        log(
          `   ${d.file}: p.${t.table.page} ${t.table.tableType}: printed '${t.table.title ?? ''}' / ${t.table.unit ?? 'none'}, record ${got}`,
        );
      }
    for (const e of extra) log(`   typed without a table: ${e}`);
  }
  log(
    `verification: ${v.verified}/${v.total} values verified (${pct(v.verified, v.total).trim()}), ${v.contradicted} contradicted, ${v.unchecked} unchecked${v.withoutVerification ? `; ${v.withoutVerification} records carry no verification (counted unchecked)` : ''}`,
  );
  log(`wrong values marked verified: ${s.wrongButVerified}`);
  log('');
  log(`silent errors (stored ok while ground truth disagrees): ${s.silent.length}`);
  for (const e of s.silent) {
    log(
      `  ${e.document} ${e.tableType}${e.page ? ` p.${e.page}` : ''}${e.title ? ` '${e.title}'` : ''}: ${e.problems.length} value(s)`,
    );
    const shown = options.verbose ? e.problems : e.problems.slice(0, 5);
    for (const p of shown) log(`     ${p}`);
    if (shown.length < e.problems.length) log(`     … ${e.problems.length - shown.length} more (--verbose)`);
  }
  log(`silent-error count: ${s.silent.length}`);
}

/** `--json`: the figures, per document and per table type, with every mismatch and silent error. */
export function jsonSummary(s: Summary): object {
  const tally = (t: Tally) => ({
    ...t,
    accuracy: t.values ? t.exact / t.values : null,
    verifiedShare: share(t.verification),
  });
  return {
    overall: tally(s.overall),
    byType: Object.fromEntries([...s.byType].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, tally(t)])),
    verification: { ...s.verification, share: share(s.verification) },
    wrongButVerified: s.wrongButVerified,
    titles: {
      checked: s.documents.flatMap((d) => d.typing).filter((t) => t.titled !== null).length,
      asPrinted: s.documents.flatMap((d) => d.typing).filter((t) => t.titled).length,
    },
    units: {
      checked: s.documents.flatMap((d) => d.typing).filter((t) => t.unitOk !== null).length,
      asPrinted: s.documents.flatMap((d) => d.typing).filter((t) => t.unitOk).length,
    },
    typedWithoutTable: s.documents.flatMap((d) =>
      d.extraTyped.map((r) => ({
        file: d.file,
        tableType: r.tableType,
        page: r.provenance?.page ?? null,
        title: r.title ?? null,
      })),
    ),
    silentErrorCount: s.silent.length,
    silentErrors: s.silent,
    skipped: s.skipped,
    documents: s.documents.map((d) => ({
      file: d.file,
      document: d.document,
      status: d.status,
      records: d.records,
      ...tally(d.tally),
      ...(d.reported ? { reported: d.reported } : {}),
      ...(d.error ? { error: d.error } : {}),
      untyped: d.typing
        .filter((t) => !t.typed)
        .map((t) => ({ ...t.table, records: t.mistyped.map((r) => r.tableType) })),
      mismatches: d.matches
        .filter((m) => !m.exact)
        .map((m) => ({
          ...m.gt,
          found: m.found,
          got: m.got ?? null,
          path: m.path ?? null,
          state: m.state ?? null,
          reason: m.reason ?? null,
          recordStatus: m.record?.status ?? null,
        })),
    })),
  };
}
