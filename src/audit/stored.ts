import { failedDocument } from '../model/build.js';
import type { ExtractedDocument, Format } from '../model/document.js';
import {
  findingsDocuments,
  loadFindings,
  peerDocuments,
  saveFindings,
  type FindingsFilter,
} from '../store/findings.js';
import type { RecordStore, StoredDocument } from '../store/ports.js';
import { isAmountTable, TABLES_FILE_MIN } from './records.js';
import { auditDocument, RULES_VERSION } from './rulebook.js';
import type { Finding, PeerDocument } from './types.js';
import type { RecognisedRecord } from '../recognise/types.js';

/**
 * The rulebook on stored documents (issue 13): findings are kept with the document as `{ rulesVersion, findings }`
 * (src/store/findings.ts) and re-computed when the rules changed since, or when a document they compare with (the
 * tables file of a narrative-only file) has been stored since.
 */
export interface AuditedDocument {
  id: string;
  fileName: string | null;
  status: string;
  findings: Finding[];
  /** Computed now (else read from the store, made by this rulebook version). */
  recomputed: boolean;
}

/** A stored document as the rulebook reads it; a document whose extraction was lost audits as unreadable. */
function extractionOf(stored: StoredDocument): ExtractedDocument {
  if (stored.extracted) return stored.extracted;
  const why = stored.issues.find((i) => i.severity === 'error')?.message ?? 'no extraction stored';
  return failedDocument(stored.source, stored.format as Format, 'store.no_extraction', why);
}

async function compute(store: RecordStore, stored: StoredDocument, listed?: RecognisedRecord[]): Promise<Finding[]> {
  const records = listed ?? (await store.listRecords(stored.id));
  // Only a narrative-only file is compared with its peers, and only with their tables files (cross-document.ts):
  // a tables file loads none of them (issue 12: 1,000 documents of a few departments made every store stage read
  // every earlier document of the same department and year).
  const peers: PeerDocument[] = [];
  if (records.filter(isAmountTable).length < TABLES_FILE_MIN)
    for (const p of await peerDocuments(store.client, stored.id, 'tables'))
      peers.push({ sourceId: p.id, fileName: p.fileName, records: await store.listRecords(p.id) });
  return auditDocument({
    document: extractionOf(stored),
    records,
    checks: stored.checks,
    issues: stored.issues,
    peers,
  });
}

/** One stored document's findings: the stored ones when this rulebook made them, else computed and stored anew. */
export async function auditStored(
  store: RecordStore,
  id: string,
  opts: { recompute?: boolean; records?: RecognisedRecord[] } = {},
): Promise<AuditedDocument | undefined> {
  const stored = await store.getDocument(id, { withExtraction: true });
  if (!stored || stored.status === 'pending') return undefined;
  const base = { id, fileName: stored.source.fileName ?? null, status: stored.status };
  const kept = opts.recompute ? null : await loadFindings<Finding>(store.client, id);
  if (kept?.rulesVersion === RULES_VERSION) return { ...base, findings: kept.findings, recomputed: false };
  const findings = await compute(store, stored, opts.records);
  await saveFindings(store.client, id, { rulesVersion: RULES_VERSION, findings });
  return { ...base, findings, recomputed: true };
}

/**
 * Findings at ingest (the store stage, src/pipeline/handlers.ts): this document's, and again those of the stored
 * documents it may be compared with, since a narrative-only file stored before its tables file could not be checked
 * against them yet. Replaces what was stored, so a retried job writes the same. An audit that throws leaves the
 * findings marked stale (re-computed by `audit --stored`) and never fails the job.
 */
export async function storeFindings(store: RecordStore, id: string): Promise<void> {
  try {
    // The records as stored, read once for both questions.
    const records = await store.listRecords(id);
    await auditStored(store, id, { recompute: true, records });
    // A tables file can change the findings of the narrative-only files stored before it, and of nothing else.
    if (records.filter(isAmountTable).length >= TABLES_FILE_MIN)
      for (const peer of await peerDocuments(store.client, id, 'narrative-only'))
        await auditStored(store, peer.id, { recompute: true });
  } catch {
    await saveFindings(store.client, id, { rulesVersion: 'stale', findings: [] }).catch(() => undefined);
  }
}

/** Every stored document a filter selects, each audited with auditStored. */
export async function auditStoredDocuments(
  store: RecordStore,
  filter: FindingsFilter,
  opts: { recompute?: boolean } = {},
): Promise<AuditedDocument[]> {
  const out: AuditedDocument[] = [];
  for (const d of await findingsDocuments(store.client, filter)) {
    const audited = await auditStored(store, d.id, opts);
    if (audited) out.push(audited);
  }
  return out;
}
