import type { Check } from '../../schemas/common.js';
import type { DocumentFacets } from '../store/document-facets.js';
import type { RecordStore, StoredDocument } from '../store/ports.js';
import { type RecordGrid, recordGrid } from './record-grid.js';

/** What the document page shows above its tables: facts, trust counts, failed checks and audit findings. */
export interface DocumentView {
  document: Omit<StoredDocument, 'extracted'> & { fileName: string | null } & Omit<DocumentFacets, 'level'>;
  /** Page sizes in PDF points, from the extraction (the viewer maps boxes onto page images with them). */
  pages: Array<{ number: number; width: number | null; height: number | null }>;
  failedChecks: Array<Check & { tableId: string | null; tableType: string | null; title: string | null }>;
  /** The audit findings as stored (issue 13: `{ rule, severity, message, page, bbox, text, expected, actual }`). */
  findings: unknown[];
}

interface FacetRow {
  file_name: string | null;
  department: string | null;
  department_id: string | null;
  region: string | null;
  region_id: string | null;
  year: number | null;
  kind: string | null;
  findings: unknown;
}

/** A document id from a full sha256 or a unique prefix of one (at least 4 hex digits); undefined when none or many. */
export async function resolveDocumentId(store: RecordStore, id: string): Promise<string | undefined> {
  if (/^[0-9a-f]{64}$/.test(id)) return id;
  if (!/^[0-9a-f]{4,63}$/.test(id)) return undefined;
  const { rows } = await store.client.query<{ id: string }>(
    `select id from documents where id >= $1 and id < $2 order by id limit 2`,
    [id, `${id}g`],
  );
  return rows.length === 1 ? rows[0]!.id : undefined;
}

export async function documentView(store: RecordStore, id: string): Promise<DocumentView | undefined> {
  const doc = await store.getDocument(id);
  if (!doc) return undefined;
  const facets = (
    await store.client.query<FacetRow>(
      `select file_name, department, department_id, region, region_id, year, kind, findings from documents where id = $1`,
      [id],
    )
  ).rows[0];
  const pages = await store.client.query<{
    number: number | string;
    width: number | string | null;
    height: number | string | null;
  }>(
    `select p->>'number' as number, p->>'width' as width, p->>'height' as height
       from documents d, jsonb_array_elements(case when jsonb_typeof(d.extracted->'pages') = 'array'
                                                   then d.extracted->'pages' else '[]' end) p
      where d.id = $1`,
    [id],
  );
  const failed = await store.client.query<{ table_id: string; table_type: string; title: string | null; c: Check }>(
    `select r.table_id, r.table_type, r.record->>'title' as title, c
       from records r, jsonb_array_elements(r.record->'checks') c
      where r.document_id = $1 and c->>'ok' = 'false' order by r.seq`,
    [id],
  );
  const num = (v: number | string | null) => (v === null || v === '' ? null : Number(v));
  return {
    document: {
      ...doc,
      fileName: facets?.file_name ?? null,
      department: facets?.department ?? null,
      departmentId: facets?.department_id ?? null,
      region: facets?.region ?? null,
      regionId: facets?.region_id ?? null,
      year: facets?.year ?? null,
      kind: facets?.kind ?? null,
    },
    pages: pages.rows.map((p) => ({ number: Number(p.number), width: num(p.width), height: num(p.height) })),
    failedChecks: [
      ...failed.rows.map((r) => ({ ...r.c, tableId: r.table_id, tableType: r.table_type, title: r.title })),
      ...doc.checks.filter((c) => !c.ok).map((c) => ({ ...c, tableId: null, tableType: null, title: null })),
    ],
    // Stored as { rulesVersion, findings } (src/store/findings.ts).
    findings: storedFindings(facets?.findings),
  };
}

export async function documentGrids(store: RecordStore, id: string): Promise<RecordGrid[]> {
  return (await store.listRecords(id)).map(recordGrid);
}

function storedFindings(stored: unknown): unknown[] {
  const list = (stored as { findings?: unknown } | null)?.findings;
  return Array.isArray(list) ? list : [];
}
