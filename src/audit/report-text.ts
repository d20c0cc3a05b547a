import { severityCounts } from './rulebook.js';
import type { Finding } from './types.js';

/** One audited document as the reports show it. */
export interface AuditReport {
  sourceId: string;
  fileName: string | null;
  status: string;
  findings: Finding[];
}

const short = (v: unknown, n = 60) => {
  const s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ');
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};

/** One line per finding: severity, rule, page, what is printed, what was expected, and the message. */
export function findingLine(f: Finding): string {
  const printed = f.actual ?? f.text;
  const parts = [
    f.severity.padEnd(7),
    f.rule.padEnd(40),
    (f.page === null ? 'p.-' : `p.${f.page}`).padEnd(5),
    `printed: ${short(printed, 40) || '-'}`,
    `expected: ${short(f.expected, 40) || '-'}`,
    `| ${short(f.message, 200)}`,
  ];
  return parts.join('  ');
}

/** The text report: a heading line per document with its counts, then its findings. */
export function textReport(reports: AuditReport[], opts: { minSeverity?: Finding['severity'] } = {}): string {
  const rank = { error: 0, warning: 1, info: 2 };
  const keep = (f: Finding) => rank[f.severity] <= rank[opts.minSeverity ?? 'info'];
  const out: string[] = [];
  for (const r of reports) {
    const c = severityCounts(r.findings);
    out.push(
      `== ${r.fileName ?? r.sourceId} (${r.sourceId.slice(0, 12)}, ${r.status}): ${c.error} error, ${c.warning} warning, ${c.info} info`,
    );
    for (const f of r.findings) if (keep(f)) out.push(findingLine(f));
  }
  return `${out.join('\n')}\n`;
}
