import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultIsolation } from '../extract/isolate.js';
import { defaultLimits } from '../extract/types.js';
import { localSource, processDocument } from '../pipeline/process-document.js';
import { documentRecord } from '../pipeline/document-record.js';
import { parseSeconds } from './options.js';

/**
 * `budgetdoc extract <file...> [--raw]`: recognised records as one JSON array on stdout, each file's
 * tables followed by one `tableType: "document"` record (status, verification, document checks and issues);
 * with --raw, the document model. Stores nothing. Exits 1 when a document failed.
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract and recognise files; print records as one JSON array on stdout (stores nothing)')
    .argument('<file...>', 'documents to extract (PDF, HTML, DOCX, XLS/XLSX, images)')
    .option('--raw', 'print the extracted document model instead of the records')
    .option('--no-ocr', 'never run OCR (scanned pages are reported, not read)')
    .option(
      '--timeout <seconds>',
      'stop extracting a document after this long (it is reported failed)',
      parseSeconds,
      1800,
    )
    .action(async (files: string[], opts: { raw?: boolean; ocr: boolean; timeout: number }) => {
      const out: unknown[] = [];
      let failed = 0;
      for (const file of files) {
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(file));
        } catch (err) {
          // One unreadable path is reported and the others are still extracted (issue 14).
          failed++;
          process.stderr.write(
            `budgetdoc: ${file}: cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`,
          );
          continue;
        }
        const source = localSource(bytes, file);
        const p = await processDocument(
          bytes,
          source,
          { ...defaultLimits, ocr: opts.ocr },
          { ...defaultIsolation, timeoutMs: opts.timeout * 1000 },
        );
        if (p.status === 'failed') {
          failed++;
          const reason = p.document.issues.find((i) => i.severity === 'error')?.message ?? 'failed';
          process.stderr.write(`budgetdoc: ${file}: failed: ${reason}\n`);
        }
        if (opts.raw)
          out.push({ ...p.document, recognitionIssues: p.recognised.issues, crossTableChecks: p.recognised.checks });
        else out.push(...p.recognised.records, documentRecord(p));
      }
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      if (failed > 0) process.exitCode = 1;
    });
}
