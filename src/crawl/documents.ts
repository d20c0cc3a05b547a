import type { Discovery } from '../model/document.js';
import { errorCode, isPermanent } from '../model/errors.js';
import { sniff } from '../extract/sniff.js';
import { attachmentName } from './file-name.js';
import type { FetchResult } from './fetcher.js';
import type { CrawledDocument, DocumentSink, FetchState, FetchStateStore } from './ports.js';
import type { ReportBuilder, ReportItem } from './report.js';
import { sha256Hex, zipMembers, type ZipMember } from './zip-members.js';

export interface DocumentContext {
  state: FetchStateStore;
  sink: DocumentSink;
  report: ReportBuilder;
  zipLimits: { maxEntries: number; maxTotalBytes: number };
}

/** Validators for a conditional GET from what the last run stored. */
export function conditionalFor(v: { etag?: string | undefined; lastModified?: string | undefined } | undefined): {
  etag?: string;
  lastModified?: string;
} {
  return { ...(v?.etag ? { etag: v.etag } : {}), ...(v?.lastModified ? { lastModified: v.lastModified } : {}) };
}

/**
 * The incremental rule (issue 6): a 304 or the same sha256 as last time is `unchanged` and is
 * not re-extracted; different bytes are `changed` and ingested as a new version that points at
 * the previous one. Fetch state is written only after the pipeline took the document, so a
 * failed ingest is retried by the next run instead of being remembered as seen.
 */
export async function handleFetchedDocument(
  res: FetchResult,
  prev: FetchState | undefined,
  linkText: string | undefined,
  discovery: Discovery,
  ctx: DocumentContext,
): Promise<ReportItem> {
  const base = { url: res.requestedUrl, kind: 'document' as const };
  if (res.notModified && !prev)
    return {
      ...base,
      outcome: 'failed',
      reason: 'http.unexpected_304',
      message: `304 without a conditional request: ${res.url}`,
    };
  if (res.notModified && prev) {
    const validators = conditionalFor({
      etag: res.etag ?? prev.etag,
      lastModified: res.lastModified ?? prev.lastModified,
    });
    await ctx.state.putFetchState({ ...prev, ...validators, fetchedAt: res.fetchedAt });
    return { ...base, outcome: 'unchanged', sha256: prev.sha256 };
  }
  const sha256 = sha256Hex(res.bytes);
  const fileName = attachmentName(res.url, linkText, res.contentType, res.contentDisposition);
  const state: FetchState = {
    url: res.requestedUrl,
    ...conditionalFor(res),
    sha256,
    ...(res.contentType ? { contentType: res.contentType } : {}),
    version: prev ? (prev.sha256 === sha256 ? prev.version : prev.version + 1) : 1,
    ...(prev && prev.sha256 !== sha256
      ? { previousSha256: prev.sha256 }
      : prev?.previousSha256
        ? { previousSha256: prev.previousSha256 }
        : {}),
    fetchedAt: res.fetchedAt,
  };
  if (prev?.sha256 === sha256) {
    await ctx.state.putFetchState(state);
    return { ...base, outcome: 'unchanged', sha256, fileName };
  }
  const doc: CrawledDocument = {
    url: res.requestedUrl,
    bytes: res.bytes,
    sha256,
    fetchedAt: res.fetchedAt,
    ...(res.contentType ? { contentType: res.contentType } : {}),
    fileName,
    discoveredFrom: discovery,
    ...(prev ? { previousSha256: prev.sha256 } : {}),
  };
  const outcome = prev ? 'changed' : 'new';
  try {
    const item = sniff(res.bytes, fileName) === 'zip' ? await ingestZip(doc, ctx) : await ingestOne(doc, ctx);
    await ctx.state.putFetchState(state);
    return { ...base, ...item, outcome: item.outcome === 'failed' ? 'failed' : outcome, sha256, fileName };
  } catch (err) {
    // Transient trouble (the store or queue unreachable) propagates so the fetch is retried.
    if (!isPermanent(err)) throw err;
    return { ...base, outcome: 'failed', reason: errorCode(err), message: err.message, sha256, fileName };
  }
}

async function ingestOne(
  doc: CrawledDocument,
  ctx: DocumentContext,
): Promise<Pick<ReportItem, 'outcome' | 'records' | 'reason' | 'message' | 'pending'>> {
  const res = await ctx.sink.ingest(doc);
  const records = ctx.report.addRecords(res.recordsByType);
  if (res.status === 'failed')
    return { outcome: 'failed', records, reason: 'extract.failed', ...(res.reason ? { message: res.reason } : {}) };
  return { outcome: 'new', records, ...(res.pending ? { pending: true } : {}) };
}

/**
 * Each member is ingested as its own document whose parent is the archive (SourceRef.parentId),
 * at the archive's URL plus `#member-name`; the archive itself is stored as a container first,
 * also when it cannot be opened. Members are reported as items of kind 'member' (counted apart
 * from documents).
 */
async function ingestZip(
  doc: CrawledDocument,
  ctx: DocumentContext,
): Promise<Pick<ReportItem, 'outcome' | 'records' | 'reason' | 'message' | 'pending'>> {
  let members: ZipMember[];
  try {
    members = zipMembers(doc.bytes, ctx.zipLimits);
  } catch (err) {
    if (isPermanent(err)) await ctx.sink.storeContainer(doc, { error: { code: err.code, message: err.message } });
    throw err;
  }
  await ctx.sink.storeContainer(doc, { members: members.map((m) => ({ name: m.name, sha256: m.sha256 })) });
  let total = 0;
  let failed = 0;
  let pending = false;
  for (const m of members) {
    const member: CrawledDocument = {
      ...doc,
      url: `${doc.url}#${encodeURIComponent(m.name)}`,
      bytes: m.bytes,
      sha256: m.sha256,
      fileName: m.name.split('/').pop() ?? m.name,
      parentSha256: doc.sha256,
    };
    delete member.contentType;
    delete member.previousSha256;
    const res = await ingestOne(member, ctx);
    total += res.records ?? 0;
    if (res.outcome === 'failed') failed++;
    pending ||= res.pending === true;
    ctx.report.add({
      url: doc.url,
      kind: 'member',
      member: m.name,
      sha256: m.sha256,
      fileName: member.fileName!,
      ...res,
      outcome: res.outcome === 'failed' ? 'failed' : 'new',
    });
  }
  if (members.length > 0 && failed === members.length)
    return { outcome: 'failed', records: total, reason: 'zip.all_members_failed' };
  return { outcome: 'new', records: total, ...(pending ? { pending } : {}) };
}
