import { open, rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import type { CsvTable, ExportFormat } from '../export/export-records.js';
import type { DatasetFormat, DatasetShape } from '../export/dataset-export.js';
import type { RecordFilter } from '../store/ports.js';
import { openFromFlags, storeOptions, type StoreFlags } from './options.js';

interface ExportFlags extends StoreFlags {
  format: ExportFormat | 'parquet';
  table?: CsvTable;
  shape?: DatasetShape;
  keepBlank?: boolean;
  dictionary?: boolean;
  out?: string;
  bom?: boolean;
  type?: string[];
  year?: string;
  region?: string;
  status?: RecordFilter['status'];
  document?: string;
  batchSize: string;
}

/**
 * `budgetdoc export`: stored records as JSONL or tidy CSV, streamed from the store; with `--shape long|wide` (and for
 * Parquet) the dataset a panel is built from (issue 15, docs/dataset.md); `--dictionary` its data dictionary.
 */
export function registerExport(program: Command): void {
  storeOptions(
    program
      .command('export')
      .description(
        'write stored records as JSONL (default) or a tidy CSV, or the dataset (--shape) as CSV, JSONL or Parquet',
      ),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv', 'parquet']).default('jsonl'))
    .addOption(
      new Option(
        '--shape <shape>',
        'the dataset: one row per printed value (long) or per table line (wide), keyed by department id, year, kind, level (default long for parquet)',
      ).choices(['long', 'wide']),
    )
    .option('--keep-blank', 'with --shape: keep blank cells (nothing printed) as rows')
    .option('--dictionary', 'write the data dictionary (column keys, printed headers, units, meanings) as CSV or JSONL')
    .addOption(
      new Option(
        '--table <table>',
        'CSV shape: one row per line-item value, or per 绩效 indicator (default values)',
      ).choices(['values', 'indicators']),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--bom', 'start the CSV with a UTF-8 BOM (Excel needs it to read Chinese)')
    .option('--type <tableType...>', "table types, by prefix ('final.' selects every 决算 table)")
    .option('--year <n>', 'fiscal year')
    .option('--region <text>', 'text in the province, city or county')
    .addOption(new Option('--status <status>', 'record status').choices(['ok', 'partial', 'failed']))
    .option('--document <sha256>', 'document id or a prefix of it')
    .addOption(new Option('--batch-size <n>', 'records read from the store per page').default('200').hideHelp())
    .action(async (opts: ExportFlags) => {
      const filter = filterOf(opts);
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1)
        throw new Error(`--batch-size must be a positive integer, not ${opts.batchSize}`);
      if (opts.format !== 'csv' && (opts.table || opts.bom)) throw new Error('--table and --bom apply to --format csv');
      const shape = opts.shape ?? (opts.format === 'parquet' ? 'long' : undefined);
      if (shape && opts.table) throw new Error('--table is the record CSV; --shape the dataset: give one');
      if (opts.keepBlank && !shape) throw new Error('--keep-blank applies to --shape long|wide');
      // The writers load when an export runs, not when the command line is parsed (`--help` stays fast).
      const [{ exportRecords }, { exportDataset }, { writeDictionary }] = await Promise.all([
        import('../export/export-records.js'),
        import('../export/dataset-export.js'),
        import('../export/dictionary-file.js'),
      ]);
      if (opts.dictionary) {
        if (opts.format === 'parquet' || shape || opts.table) throw new Error('--dictionary writes CSV or JSONL only');
        const file = opts.out ? await openOutput(opts.out) : undefined;
        try {
          const format = opts.format === 'csv' ? 'csv' : 'jsonl';
          const n = await writeDictionary(file?.stream ?? process.stdout, format, Boolean(opts.bom));
          await file?.commit();
          process.stderr.write(`wrote the data dictionary, ${n} entries${opts.out ? ` to ${opts.out}` : ''}\n`);
        } catch (err) {
          await file?.abort();
          throw err;
        }
        return;
      }
      const stores = await openFromFlags(opts, { existing: true });
      let out: Output | undefined;
      try {
        out = opts.out
          ? await openOutput(opts.out)
          : { stream: process.stdout, commit: async () => {}, abort: async () => {} };
        const table = opts.table ?? 'values';
        const s = shape
          ? await exportDataset(stores.records, out.stream, {
              format: opts.format as DatasetFormat,
              shape,
              keepBlank: Boolean(opts.keepBlank),
              filter,
              bom: Boolean(opts.bom),
              batchSize,
            })
          : await exportRecords(stores.records, out.stream, {
              format: opts.format as ExportFormat,
              table,
              filter,
              bom: Boolean(opts.bom),
              batchSize,
            });
        await out.commit();
        const what = shape ? `${opts.format} ${shape}` : opts.format === 'csv' ? `csv ${table}` : 'jsonl';
        process.stderr.write(
          `exported ${s.records} records, ${s.rows} rows (${what})${opts.out ? ` to ${opts.out}` : ''}\n`,
        );
      } catch (err) {
        await out?.abort();
        throw err;
      } finally {
        await stores.close();
      }
    });
}

interface Output {
  stream: Writable;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** A file written under a temporary name and renamed when complete, so a failed export never looks finished. */
async function openOutput(path: string): Promise<Output> {
  const part = `${path}.part`;
  const stream = (await open(part, 'w')).createWriteStream();
  // Write errors surface at commit (finished() rejects) rather than as an unhandled 'error' event.
  stream.on('error', () => undefined);
  return {
    stream,
    async commit() {
      stream.end();
      await finished(stream);
      await rename(part, path);
    },
    async abort() {
      stream.destroy();
      await rm(part, { force: true });
    },
  };
}

function filterOf(opts: ExportFlags): RecordFilter {
  const filter: RecordFilter = {};
  if (opts.type?.length) filter.tableTypes = opts.type;
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year)) throw new Error(`--year must be a four-digit year, not ${opts.year}`);
    filter.year = Number(opts.year);
  }
  if (opts.region) filter.region = opts.region;
  if (opts.status) filter.status = opts.status;
  if (opts.document !== undefined) {
    if (!/^[0-9a-f]{1,64}$/i.test(opts.document))
      throw new Error(`--document must be a sha256 or a prefix of it, not ${opts.document}`);
    filter.documentPrefix = opts.document.toLowerCase();
  }
  return filter;
}
