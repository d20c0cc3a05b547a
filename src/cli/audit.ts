import { Option, type Command } from 'commander';
import { parseDuration, storeOptions, type StoreFlags } from './options.js';
import type { Finding } from '../audit/types.js';

export interface AuditFlags extends StoreFlags {
  stored?: boolean;
  json?: boolean;
  html?: string;
  severity: Finding['severity'];
  recompute?: boolean;
  year?: string;
  kind?: string;
  department?: string;
  region?: string;
  document?: string;
  ocr: boolean;
  timeout?: number;
}

/**
 * `budgetdoc audit <file...>` and `budgetdoc audit --stored [filters]`: the auditor's rulebook (src/audit, docs/
 * audit.md) on each document, as a text report (one line per finding), JSON (--json) or a self-contained HTML report
 * with every finding's page crop highlighted (--html DIR). Exits 1 when any finding is an error.
 */
export function registerAudit(program: Command): void {
  storeOptions(
    program
      .command('audit')
      .description(
        'check documents as a reviewer does (docs/audit.md): completeness, consistency, narrative against tables, cross-table, cross-document, hygiene; exit 1 on an error-level finding',
      )
      .argument(
        '[files...]',
        'documents to audit (PDF, DOCX, XLS/XLSX, HTML); several files are also compared with each other',
      ),
  )
    .option('--stored', 'audit stored documents instead of files (findings re-computed where the rules changed)')
    .option('--json', 'print { documents: [{ sourceId, fileName, status, findings }] } as JSON')
    .option('--html <dir>', 'write a self-contained report.html with each finding highlighted on its page into DIR')
    .addOption(
      new Option('--severity <level>', 'lowest severity the text report lists')
        .choices(['error', 'warning', 'info'])
        .default('info'),
    )
    .option('--recompute', 'with --stored: re-compute findings even where the stored ones are current')
    .option('--year <n>', 'with --stored: fiscal year')
    .option('--kind <kind>', 'with --stored: final, budget, perf_target, perf_selfeval')
    .option('--department <text>', 'with --stored: text in the printed department')
    .option('--region <text>', 'with --stored: text in the region name')
    .option('--document <sha256>', 'with --stored: document id or a prefix of it')
    .option('--no-ocr', 'never run OCR on files (scanned pages are reported, not read)')
    .option('--timeout <duration>', 'stop extracting a file after this long, e.g. 90s, 10m', parseDuration)
    // The rulebook and the pipeline load when an audit runs, not when the command line is parsed.
    .action(async (files: string[], opts: AuditFlags) => (await import('./audit-run.js')).runAudit(files, opts));
}
