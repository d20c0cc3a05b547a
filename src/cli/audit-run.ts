import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { htmlReport, type HtmlDocument } from '../audit/report-html.js';
import { renderPages } from '../audit/page-images.js';
import { type AuditReport, textReport } from '../audit/report-text.js';
import { auditDocument, RULES_VERSION } from '../audit/rulebook.js';
import { auditStoredDocuments } from '../audit/stored.js';
import type { AuditInput } from '../audit/types.js';
import { defaultIsolation } from '../extract/isolate.js';
import { defaultLimits } from '../extract/types.js';
import { failedDocument } from '../model/build.js';
import type { ExtractedDocument } from '../model/document.js';
import { localSource, processDocument } from '../pipeline/process-document.js';
import { departmentKey } from '../recognise/meta/department-id.js';
import { documentMeta } from '../recognise/meta/document-meta.js';
import type { FindingsFilter } from '../store/findings.js';
import { EXIT, openFromFlags } from './options.js';
import type { AuditFlags } from './audit.js';

/** What the reports need of one audited document, with its bytes where its pages can be rendered. */
interface Audited extends AuditReport {
  document?: ExtractedDocument;
  bytes?: Uint8Array;
  /** The other files of this audit it was compared with (same department, year and kind). */
  comparedWith?: string[];
}

/** What `budgetdoc audit` runs (src/cli/audit.ts registers the command): files or stored documents, reported. */
export async function runAudit(files: string[], opts: AuditFlags): Promise<void> {
  if (opts.stored === files.length > 0)
    throw new Error(opts.stored ? 'audit --stored takes filters, not files' : 'audit needs files, or --stored');
  const audited = opts.stored ? await storedAudits(opts) : await fileAudits(files, opts);
  if (opts.json) {
    const documents = audited.map(({ sourceId, fileName, status, findings, comparedWith }) => ({
      sourceId,
      fileName,
      status,
      ...(comparedWith?.length ? { comparedWith } : {}),
      findings,
    }));
    process.stdout.write(`${JSON.stringify({ rulesVersion: RULES_VERSION, documents }, null, 2)}\n`);
  } else process.stdout.write(textReport(audited, { minSeverity: opts.severity }));
  if (opts.html) process.stderr.write(`wrote ${await writeHtml(opts.html, audited)}\n`);
  process.exitCode = audited.some((a) => a.findings.some((f) => f.severity === 'error')) ? EXIT.failed : EXIT.ok;
}

/** A department, year and kind key, for comparing the files of one audit with each other (cross-document rules). */
function peerKey(doc: ExtractedDocument): string | undefined {
  const meta = documentMeta(doc);
  return meta.department && meta.year !== null
    ? `${departmentKey(meta.department)}|${meta.year}|${meta.kind}`
    : undefined;
}

async function fileAudits(files: string[], opts: AuditFlags): Promise<Audited[]> {
  const done: Array<AuditInput & { file: string; bytes?: Uint8Array; status: string }> = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (err) {
      const why = `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      const source = localSource(new Uint8Array(), file);
      done.push({
        file,
        document: failedDocument(source, 'unknown', 'file.unreadable', why),
        records: [],
        checks: [],
        issues: [],
        status: 'failed',
      });
      continue;
    }
    const p = await processDocument(
      bytes,
      localSource(bytes, file),
      { ...defaultLimits, ocr: opts.ocr },
      { ...defaultIsolation, ...(opts.timeout ? { timeoutMs: opts.timeout * 1000 } : {}) },
    );
    done.push({
      file,
      bytes,
      document: p.document,
      records: p.recognised.records,
      checks: p.recognised.checks,
      issues: p.recognised.issues,
      status: p.status,
    });
  }
  const keys = done.map((d) => peerKey(d.document));
  return done.map((d, i) => {
    const peers = done
      .filter((_o, k) => k !== i && keys[k] !== undefined && keys[k] === keys[i])
      .map((o) => ({ sourceId: o.document.source.id, fileName: o.file, records: o.records }));
    const findings = auditDocument({
      document: d.document,
      records: d.records,
      checks: d.checks,
      issues: d.issues,
      peers,
    });
    return {
      sourceId: d.document.source.id,
      fileName: d.file,
      status: d.status,
      findings,
      comparedWith: peers.map((p) => p.fileName),
      document: d.document,
      ...(d.bytes ? { bytes: d.bytes } : {}),
    };
  });
}

async function storedAudits(opts: AuditFlags): Promise<Audited[]> {
  const filter: FindingsFilter = {};
  if (opts.year !== undefined) {
    if (!/^\d{4}$/.test(opts.year)) throw new Error(`--year must be a four-digit year, not ${opts.year}`);
    filter.year = Number(opts.year);
  }
  if (opts.kind) filter.kind = opts.kind;
  if (opts.department) filter.department = opts.department;
  if (opts.region) filter.region = opts.region;
  if (opts.document) {
    if (!/^[0-9a-f]{1,64}$/i.test(opts.document))
      throw new Error(`--document must be a sha256 or a prefix of it, not ${opts.document}`);
    filter.documentPrefix = opts.document;
  }
  const stores = await openFromFlags({ ...opts, quiet: true });
  try {
    const out: Audited[] = [];
    for (const a of await auditStoredDocuments(stores.records, filter, { recompute: Boolean(opts.recompute) })) {
      const item: Audited = { sourceId: a.id, fileName: a.fileName, status: a.status, findings: a.findings };
      if (opts.html) {
        const stored = await stores.records.getDocument(a.id, { withExtraction: true });
        const bytes = await stores.blobs.get(a.id);
        if (stored?.extracted) item.document = stored.extracted;
        if (bytes) item.bytes = bytes;
      }
      out.push(item);
    }
    return out;
  } finally {
    await stores.close();
  }
}

async function writeHtml(dir: string, audited: Audited[]): Promise<string> {
  const docs: HtmlDocument[] = [];
  for (const a of audited) {
    const format = a.document?.format ?? 'unknown';
    const pages = a.findings.flatMap((f) => (f.page === null ? [] : [f.page]));
    const images = format === 'pdf' && a.bytes ? await renderPages(a.bytes, pages) : new Map();
    const pageSizes = new Map(
      (a.document?.pages ?? []).flatMap((p) =>
        p.width && p.height ? [[p.number, { width: p.width, height: p.height }] as const] : [],
      ),
    );
    docs.push({
      sourceId: a.sourceId,
      fileName: a.fileName,
      status: a.status,
      findings: a.findings,
      pageSizes,
      images,
      format,
    });
  }
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'report.html');
  await writeFile(path, htmlReport(docs));
  return path;
}
