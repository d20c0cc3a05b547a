import type { Issue, Provenance, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { parseEmf, EMF_EXTRACTOR } from '../emf/index.js';
import { openEmbedding } from '../ole/embedded.js';
import type { ExtractContext } from '../types.js';
import { readWorkbookTables } from '../xlsx/workbook.js';
import { comparePreview } from './stale-preview.js';
import type { Block } from './walk.js';
import { pictureKind, pictureTables, type ObjectContext } from './pictures.js';

export type { ObjectContext } from './pictures.js';

export interface ObjectResult {
  tables: Table[];
  issues: Issue[];
}

function prov(ctx: ExtractContext, part?: string): Provenance {
  return { sourceId: ctx.source.id, page: 1, ...(part ? { part } : {}), method: 'structure', extractor: 'docx' };
}

/** The part a relationship points to, or an issue saying why it cannot be read. */
function partBytes(
  oc: ObjectContext,
  rid: string | undefined,
  what: string,
  issues: Issue[],
): { part: string; bytes: Uint8Array } | undefined {
  if (!rid) return undefined;
  const rel = oc.pkg.rels.get(rid);
  if (!rel) {
    issues.push(
      issue(
        'warning',
        'docx.missing_relationship',
        `${what}: relationship ${rid} is not in word/_rels/document.xml.rels`,
        prov(oc.ctx),
      ),
    );
    return undefined;
  }
  if (rel.escapes) {
    issues.push(
      issue(
        'error',
        'docx.path_traversal',
        `${what}: relationship ${rid} target ${rel.target} escapes the package; refused`,
        prov(oc.ctx),
      ),
    );
    return undefined;
  }
  if (!rel.part) {
    issues.push(
      issue('warning', 'docx.external_object', `${what}: ${rel.target} is linked, not embedded`, prov(oc.ctx)),
    );
    return undefined;
  }
  const bytes = oc.pkg.parts.get(rel.part);
  if (!bytes) {
    issues.push(
      issue(
        'warning',
        'docx.missing_part',
        `${what}: part ${rel.part} is missing from the package`,
        prov(oc.ctx, rel.part),
      ),
    );
    return undefined;
  }
  return { part: rel.part, bytes };
}

/**
 * An embedded object: its workbook when it holds one (most trusted), else its preview picture.
 * Where both exist the workbook wins, and a preview whose figures differ is reported as stale.
 */
async function oleTables(block: Extract<Block, { kind: 'object' }>, oc: ObjectContext): Promise<ObjectResult> {
  const issues: Issue[] = [];
  const object = partBytes(oc, block.objectRid, `OLE object ${block.progId ?? ''}`.trim(), issues);
  const preview = partBytes(oc, block.previewRid, `preview of ${object?.part ?? 'an OLE object'}`, issues);
  let tables: Table[] = [];
  if (object) {
    const emb = openEmbedding(object.bytes);
    if (emb.kind === 'workbook') {
      const wb = readWorkbookTables(emb.bytes, {
        sourceId: oc.ctx.source.id,
        part: object.part,
        idPrefix: '',
        maxInflatedBytes: oc.ctx.limits.maxInflatedBytes,
      });
      issues.push(...wb.issues);
      tables = wb.tables.map((t) => ({ ...t, id: oc.nextId() }));
    } else if (emb.kind === 'unreadable') {
      issues.push(
        issue('warning', 'docx.object_unreadable', `${object.part}: ${emb.reason}`, prov(oc.ctx, object.part)),
      );
    } else {
      issues.push(
        issue(
          'warning',
          'docx.object_not_table',
          `${object.part} (${emb.progId ?? 'unknown ProgID'}) is not a workbook; its preview is read instead`,
          prov(oc.ctx, object.part),
        ),
      );
    }
  }
  if (!preview) return { tables, issues };
  if (tables.length > 0) {
    if (pictureKind(preview.bytes) === 'emf') {
      const content = parseEmf(preview.bytes, { sourceId: oc.ctx.source.id, page: 1, part: preview.part });
      const { differences } = comparePreview(tables[0]!, content.texts);
      if (differences.length > 0) {
        const list = differences.map((d) => `${d.locator} workbook ${d.workbook}, preview ${d.preview}`).join('; ');
        issues.push(
          issue(
            'warning',
            'docx.stale_preview',
            `${preview.part} (preview of ${object!.part}) differs from the workbook: ${list}; the workbook's figures are kept`,
            {
              ...prov(oc.ctx, preview.part),
              method: 'emf-text',
              extractor: EMF_EXTRACTOR,
            },
          ),
        );
      }
    }
    return { tables, issues };
  }
  const fallback = await pictureTables(preview.bytes, preview.part, undefined, oc);
  return { tables: fallback.tables, issues: [...issues, ...fallback.issues] };
}

export async function objectTables(block: Block, oc: ObjectContext): Promise<ObjectResult> {
  if (block.kind === 'object') return oleTables(block, oc);
  if (block.kind !== 'picture') return { tables: [], issues: [] };
  const issues: Issue[] = [];
  const pic = partBytes(oc, block.rid, 'picture', issues);
  if (!pic) return { tables: [], issues };
  const out = await pictureTables(pic.bytes, pic.part, block.widthPt, oc);
  return { tables: out.tables, issues: [...issues, ...out.issues] };
}
