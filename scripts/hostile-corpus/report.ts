import type { ManifestEntry } from './corpus.js';
import { fileUrl, isGenericReason, type StoredOutcome } from './harness.js';

/** One corpus file and what became of it. */
export interface FileOutcome {
  path: string;
  kind: string;
  /** ok | partial | failed | pending, or 'missing' when the run never registered the file. */
  status: string;
  documentId?: string;
  reason?: { code: string; message: string };
}

export function outcomesByFile(corpusDir: string, manifest: ManifestEntry[], stored: StoredOutcome[]): FileOutcome[] {
  const byUrl = new Map<string, StoredOutcome>();
  for (const d of stored) for (const u of d.urls) byUrl.set(u, d);
  return manifest.map((m) => {
    const d = byUrl.get(fileUrl(corpusDir, m.path));
    if (!d) return { path: m.path, kind: m.kind, status: 'missing' };
    return {
      path: m.path,
      kind: m.kind,
      status: d.status,
      documentId: d.id,
      ...(d.reason ? { reason: d.reason } : {}),
    };
  });
}

export interface HostileFigures {
  files: number;
  byKind: Record<string, Record<string, number>>;
  /** Seconds of extraction by kind (documents extracted at once overlap: a share of the run, not of its time). */
  secondsByKind: Record<string, number>;
  byStatus: Record<string, number>;
  /** Failure classes: reason code → files, with one message as an example. */
  failureClasses: Array<{ code: string; files: number; example: string; kinds: string[] }>;
  pending: string[];
  missing: string[];
  genericReasons: FileOutcome[];
}

export function figures(outcomes: FileOutcome[], extractMs: Map<string, number> = new Map()): HostileFigures {
  const byKind: HostileFigures['byKind'] = {};
  const secondsByKind: Record<string, number> = {};
  // A document two files share (the duplicate pair, wrong-ext copies of one sample) is counted once, at its first file.
  const counted = new Set<string>();
  for (const o of outcomes) {
    if (!o.documentId || counted.has(o.documentId)) continue;
    counted.add(o.documentId);
    secondsByKind[o.kind] = (secondsByKind[o.kind] ?? 0) + (extractMs.get(o.documentId) ?? 0) / 1000;
  }
  const byStatus: Record<string, number> = {};
  const classes = new Map<string, { files: number; example: string; kinds: Set<string> }>();
  for (const o of outcomes) {
    byKind[o.kind] ??= {};
    byKind[o.kind]![o.status] = (byKind[o.kind]![o.status] ?? 0) + 1;
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    if (o.status === 'failed') {
      const code = o.reason?.code ?? '(no reason)';
      const c = classes.get(code) ?? { files: 0, example: o.reason?.message ?? '', kinds: new Set<string>() };
      c.files++;
      c.kinds.add(o.kind);
      classes.set(code, c);
    }
  }
  return {
    files: outcomes.length,
    byKind,
    secondsByKind,
    byStatus,
    failureClasses: [...classes.entries()]
      .map(([code, c]) => ({ code, files: c.files, example: c.example, kinds: [...c.kinds].sort() }))
      .sort((a, b) => b.files - a.files || a.code.localeCompare(b.code)),
    pending: outcomes.filter((o) => o.status === 'pending').map((o) => o.path),
    missing: outcomes.filter((o) => o.status === 'missing').map((o) => o.path),
    genericReasons: outcomes.filter((o) => o.status === 'failed' && isGenericReason(o.reason)),
  };
}

/** The figures as the plain-text tables a report or a CI log carries. */
export function formatFigures(
  f: HostileFigures,
  run: { peakRssMb: number; seconds: number; crashes: string[]; hangs: string[] },
): string {
  const statuses = ['ok', 'partial', 'failed', 'pending', 'missing'];
  const lines = [
    `hostile corpus: ${f.files} files in ${run.seconds.toFixed(0)} s, peak RSS ${run.peakRssMb} MB`,
    `outcome: ${statuses.map((s) => `${s} ${f.byStatus[s] ?? 0}`).join(', ')}`,
    `crashes: ${run.crashes.length}${run.crashes.length ? ` (${run.crashes.join('; ')})` : ''}`,
    `hangs: ${run.hangs.length}${run.hangs.length ? ` (${run.hangs.join('; ')})` : ''}`,
    `pending: ${f.pending.length}, never registered: ${f.missing.length}, failed without a cause: ${f.genericReasons.length}`,
    '',
    `${'kind'.padEnd(18)} ${statuses.map((s) => s.padStart(8)).join('')}${'extract s'.padStart(11)}`,
    ...Object.entries(f.byKind).map(
      ([kind, by]) =>
        `${kind.padEnd(18)} ${statuses.map((s) => String(by[s] ?? 0).padStart(8)).join('')}${(f.secondsByKind[kind] ?? 0).toFixed(0).padStart(11)}`,
    ),
    '',
    'failure classes (code, files, kinds, example):',
    ...f.failureClasses.map(
      (c) =>
        `  ${c.code.padEnd(28)} ${String(c.files).padStart(5)}  ${c.kinds.join(',')}\n      ${c.example.slice(0, 160)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
