import type { RecordStore } from '../store/ports.js';
import { ReportBuilder, type CrawlReport, type ReportItem } from './report.js';

export interface SettleOptions {
  /** When the crawl was queued: the report's start. */
  startedAt: number;
  /** The wait ends with an error after this moment (epoch ms). */
  deadline: number;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The distributed crawl's report, once its documents are through the pipeline: items whose
 * extraction was queued (`pending`) wait until the shared store has them out of `pending`,
 * then take their record counts and a failed extraction from it, as the embedded crawl does
 * (issue 6: documents new/changed/unchanged/failed, records by table type). Documents are
 * counted once per sha256, so the same bytes at two URLs add their records once.
 */
export async function settleReport(
  site: string,
  items: ReportItem[],
  records: RecordStore,
  opts: SettleOptions,
): Promise<CrawlReport> {
  const ids = [...new Set(items.filter((i) => i.pending && i.sha256 && !hasMembers(items, i)).map((i) => i.sha256!))];
  for (;;) {
    const docs = await Promise.all(ids.map((id) => records.getDocument(id)));
    const waiting = docs.filter((d) => d?.status === 'pending').length;
    if (waiting === 0) break;
    if (Date.now() > opts.deadline)
      throw new Error(`${waiting} of ${ids.length} document(s) still pending in the pipeline when the wait ended`);
    await sleep(opts.pollMs ?? 500);
  }
  const report = new ReportBuilder(site, opts.startedAt);
  const counted = new Set<string>();
  const settled = new Map<ReportItem, ReportItem>();
  for (const item of items.filter((i) => i.pending && !hasMembers(items, i)))
    settled.set(item, await settleOne(item, records, counted));
  for (const item of items) {
    if (!item.pending) report.add(item);
    else if (!hasMembers(items, item)) report.add(settled.get(item)!);
    else
      report.add(
        settleArchive(
          item,
          items.filter((m) => m.kind === 'member' && m.url === item.url).map((m) => settled.get(m) ?? m),
        ),
      );
  }
  report.addRecords((await records.summary([...counted])).tablesByType);
  return report.finish();
}

/** A ZIP's document item: its members are the ones extracted. */
const hasMembers = (items: ReportItem[], item: ReportItem) =>
  item.kind === 'document' && items.some((m) => m.kind === 'member' && m.url === item.url);

async function settleOne(item: ReportItem, records: RecordStore, counted: Set<string>): Promise<ReportItem> {
  const { pending: _, ...rest } = item;
  const doc = item.sha256 ? await records.getDocument(item.sha256) : undefined;
  if (!doc || !item.sha256) return { ...rest, outcome: 'failed', reason: 'store.unknown_document' };
  const first = !counted.has(item.sha256);
  counted.add(item.sha256);
  const n = first ? doc.recordCount : 0;
  if (doc.status !== 'failed') return { ...rest, records: n };
  const reason = doc.issues.find((i) => i.severity === 'error')?.message;
  return { ...rest, outcome: 'failed', records: n, reason: 'extract.failed', ...(reason ? { message: reason } : {}) };
}

/** As the embedded crawl: the archive's records are its members', and it failed only if all of them did. */
function settleArchive(item: ReportItem, members: ReportItem[]): ReportItem {
  const { pending: _, ...rest } = item;
  const records = members.reduce((n, m) => n + (m.records ?? 0), 0);
  if (members.every((m) => m.outcome === 'failed'))
    return { ...rest, outcome: 'failed', records, reason: 'zip.all_members_failed' };
  return { ...rest, records };
}
