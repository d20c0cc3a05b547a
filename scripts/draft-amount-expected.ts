/**
 * Drafts test/snapshots/records/<sample>.expected.json for the 决算/预算 tables of one sample from the
 * pipeline's own output (so the file is a snapshot, not ground truth), as a starting point for
 * review: every draft is then checked against the printed page with
 * `npx tsx scripts/check-amount-expected.ts <sample>` (poppler's text, independent of our
 * extractor) and by hand against the printed totals before it is committed. Records of other
 * families (绩效) are left out: their snapshots are transcribed separately.
 * Usage: npx tsx scripts/draft-amount-expected.ts <pdf> > draft.json   (a corpus PDF: "$BUDGETDOC_CORPUS"/<file>.pdf)
 */
import { readFileSync } from 'node:fs';
import { processDocument, localSource } from '../src/pipeline/process-document.js';

const path = process.argv[2]!;
const bytes = new Uint8Array(readFileSync(path));
const { recognised } = await processDocument(bytes, localSource(bytes, path));

const out = recognised.records
  .filter((r) => /^(final|budget)\./.test(r.tableType))
  .map((r) => {
    const rec = r as Record<string, any>;
    const draft: Record<string, unknown> = {
      tableType: r.tableType,
      title: r.title,
      unit: r.unit,
      region: r.region,
      department: r.department,
      year: r.year,
      kind: r.kind,
      status: r.status,
      provenance: { page: r.provenance.page },
    };
    if (rec.scope) draft.scope = rec.scope;
    if (rec.entries)
      draft.entries = rec.entries.map((e: any) => ({
        seq: e.seq,
        title: e.title,
        isEmpty: e.isEmpty,
        reason: e.reason,
      }));
    draft.rows = r.rows.map((row: any) => {
      const o: Record<string, unknown> = {};
      if (row.side) o.side = row.side;
      if (row.code) o.code = row.code;
      o.name = row.name;
      if (row.level) o.level = row.level;
      o.values = row.values;
      if (row.notes) o.notes = row.notes;
      return o;
    });
    draft.failedChecks = [...new Set(r.checks.filter((c) => !c.ok).map((c) => c.rule))];
    return draft;
  });

// One row per line so that diffs and reviews read line by line.
const json = JSON.stringify(out, null, 2).replace(
  /\{\n\s+("side"|"code"|"name")[^{}]*?"values": \{[^{}]*\}(,\n\s+"notes": \{[^{}]*\})?\n\s+\}/g,
  (m) => m.replace(/\n\s+/g, ' '),
);
console.log(json);
