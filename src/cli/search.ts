import { type Command, InvalidArgumentError } from 'commander';
import stringWidth from 'string-width';
import {
  type DocumentHit,
  parseKinds,
  parseStatuses,
  parseYears,
  type SearchFilters,
  searchDocuments,
} from '../store/search.js';
import type { SqlClient } from '../store/ports.js';
import { openFromFlags, storeOptions, type StoreFlags } from './options.js';

interface SearchFlags extends StoreFlags {
  department?: string;
  region?: string;
  year?: number[];
  kind?: string[];
  type?: string[];
  status?: string[];
  finding?: string[];
  limit: number;
  json?: boolean;
}

/** A commander parser that reports a bad value as a usage error (exit 2) with the parser's own message. */
const usage =
  <T>(parse: (v: string) => T) =>
  (v: string): T => {
    try {
      return parse(v);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };
const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(/[,，]/).filter(Boolean)];

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 for no limit)');
  return n;
}

/** `budgetdoc search` and `budgetdoc list`: stored documents, one line each, or JSON. */
export function registerSearch(program: Command): void {
  storeOptions(
    program
      .command('search')
      .description('find stored documents by text, department, region, year, kind, table type, status or finding')
      .argument('[text...]', 'text in the file name, department or a table title (or an id prefix)'),
  )
    .option('--department <name>', 'department under any spelling: 政协, 江苏省人大办公厅, 普陀区政府办公室')
    .option('--region <name>', 'whole region name or division code: 上海市普陀区, 普陀区, 上海, 310107')
    .option('--year <years>', 'year, range or list: 2019, 2019..2023, 2017,2019', usage(parseYears))
    .option('--kind <kind>', 'final|budget|perf_target|perf_selfeval (or 决算, 预算, 绩效目标, 绩效自评)', collect)
    .option('--type <prefix>', "table type prefix, e.g. 'perf.' or final.three_public (repeatable)", collect)
    .option('--status <status>', 'ok|partial|failed|pending (repeatable)', collect)
    .option('--finding <rule>', "audit rule id in the findings; a family with a trailing '.' (repeatable)", collect)
    .option('--limit <n>', 'at most this many documents, 0 for all', parseLimit, 50)
    .option('--json', 'print { total, documents } as JSON')
    .action(async (words: string[], opts: SearchFlags) => {
      const filters = filtersOf(words.join(' '), opts);
      const stores = await openFromFlags(opts, { existing: true });
      try {
        const { total, documents } = await collectHits(stores.records.client, filters, opts.limit || Infinity);
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ total, documents }, null, 2)}\n`);
        process.stdout.write(formatHits(documents));
        const shown = documents.length < total ? `${documents.length} of ${total} shown (--limit 0 for all)` : '';
        process.stderr.write(
          total === 0
            ? 'no stored document matches\n'
            : `${total} document${total === 1 ? '' : 's'}${shown ? `, ${shown}` : ''}; details: budgetdoc show <id>\n`,
        );
      } finally {
        await stores.close();
      }
    });

  storeOptions(
    program.command('list').description('list every stored document, failed ones with the reason they failed'),
  )
    .option('--json', 'print { total, documents } as JSON')
    .action(async (opts: StoreFlags & { json?: boolean }) => {
      const stores = await openFromFlags(opts, { existing: true });
      try {
        const { total, documents } = await collectHits(stores.records.client, {}, Infinity);
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ total, documents }, null, 2)}\n`);
        process.stdout.write(formatHits(documents));
        const failed = documents.filter((d) => d.status === 'failed').length;
        process.stderr.write(`${total} documents stored, ${failed} failed\n`);
      } finally {
        await stores.close();
      }
    });
}

function filtersOf(text: string, o: SearchFlags): SearchFilters {
  try {
    return {
      ...(text.trim() ? { text: text.trim() } : {}),
      ...(o.department ? { department: o.department } : {}),
      ...(o.region ? { region: o.region } : {}),
      ...(o.year ? { years: o.year } : {}),
      ...(o.kind ? { kinds: parseKinds(o.kind) } : {}),
      ...(o.type ? { tableTypes: o.type } : {}),
      ...(o.status ? { statuses: parseStatuses(o.status) } : {}),
      ...(o.finding ? { findings: o.finding } : {}),
    };
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

/** Pages through the hits (1,000 at a time) up to `max`. */
async function collectHits(client: SqlClient, filters: SearchFilters, max: number) {
  const documents: DocumentHit[] = [];
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await searchDocuments(client, filters, {
      limit: Math.min(1000, max - documents.length),
      ...(cursor ? { cursor } : {}),
    });
    total = page.total ?? total;
    documents.push(...page.documents);
    cursor = page.next;
  } while (cursor && documents.length < max);
  return { total, documents };
}

const COLUMNS = ['id', 'department / file', 'region', 'year', 'kind', 'status', 'tables', 'failed', 'findings'];

/** One line a document, columns aligned by display width (a Han character is two columns). */
export function formatHits(hits: DocumentHit[]): string {
  if (hits.length === 0) return '';
  const rows = hits.map((h) =>
    [
      h.id.slice(0, 10),
      h.department ?? h.fileName ?? h.url,
      h.region ?? '-',
      h.year === null ? '-' : String(h.year),
      h.kind ?? '-',
      h.status,
      String(h.tables),
      String(h.failedChecks),
      h.findingErrors ? `${h.findings} (${h.findingErrors} error)` : String(h.findings),
    ].map(printable),
  );
  const widths = COLUMNS.map((c, i) => Math.max(stringWidth(c), ...rows.map((r) => stringWidth(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - stringWidth(c)))
      .join('  ')
      .trimEnd();
  const out = [line(COLUMNS)];
  for (const [i, r] of rows.entries()) {
    out.push(line(r));
    const reason = hits[i]!.reason;
    if (reason) out.push(`    failed: ${printable(reason)}`);
  }
  return `${out.join('\n')}\n`;
}

/** Stored text is untrusted: a control character in a name must not move a terminal's cursor or colour it. */
const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
