import type { ExtractedDocument, Issue, Provenance, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { narrativeRecordSchema, type NarrativeFigure } from '../../../schemas/narrative.js';
import { validateRecord } from '../../validate/validate-record.js';
import { baseFields } from '../record.js';
import type { DocumentMeta, RecognisedRecord } from '../types.js';
import { compact } from '../values.js';
import { extraFigures, type FoundFigure } from './figures.js';
import { pageNumberRuns } from './page-numbers.js';
import type { Sentence } from './sentences.js';
import type { Statement } from './statements.js';

/**
 * The narrative as a record (issue 15, schemas/narrative.ts): the figures statements.ts compares with the tables
 * and those figures.ts reads besides, one per key and stage, the first statement of each kept; a later sentence
 * that states the same figure otherwise is kept as a warning (`narrative.figure_restated`), never as a second
 * value, so an export keyed on the figure has one row for it. No record when the narrative states no figure.
 */
export interface NarrativeRecordResult {
  record?: RecognisedRecord;
  /** The record figure a statement is, where their values agree: the narrative check on it covers the figure too. */
  figureOf: Map<Statement, NarrativeFigure>;
}

const keyOf = (st: Statement) =>
  st.measure === 'three_public' ? (st.column === 'total' ? 'three_public' : `three_public.${st.column}`) : st.measure;

/** The first printed number in the sentence that reads as the statement's amount. */
function amountAt(st: Statement, taken: Set<number>): { at: number; printed: string } | undefined {
  for (const m of st.sentence.matchAll(/(\d[\d,]*(?:\.\d+)?)(?=万元|元)/g)) {
    const printed = m[1]!.replace(/,/g, '');
    const decimals = (printed.split('.')[1] ?? '').length;
    if (Number(printed) === st.value && decimals === st.decimals && !taken.has(m.index))
      return { at: m.index, printed };
  }
  return undefined;
}

/** The words of a figure's clause before its amount, without the unit's name or the year in front ('收入预算总计'). */
function labelBefore(text: string, at: number, department: string | null): string {
  let clause = text.slice(0, at);
  const cut = Math.max(
    ...[/[,，:：;；。、]/g, /第[一二三四五六七八九十]+部分/g, /\([一二三四五六七八九十\d]+\)/g, /\d+\.(?!\d)/g].flatMap(
      (re) => [...clause.matchAll(re)].map((m) => m.index + m[0].length),
    ),
    0,
  );
  clause = clause.slice(cut);
  for (const lead of [department, '本部门', '本单位'].filter((d): d is string => Boolean(d))) {
    const i = clause.lastIndexOf(lead);
    if (i >= 0) clause = clause.slice(i + lead.length);
  }
  return clause
    .replace(/^.*(?:情况说明|说明|情况)(?=.)/, '')
    .replace(/^.*?(?:19|20)\d{2}年度?/, '')
    .replace(/(?:为|是|:)$/, '')
    .slice(-30);
}

/** The provenance of the run the amount at `at` is printed in. */
function provAt(sentence: Pick<Sentence, 'prov' | 'spans'>, at: number): Provenance {
  const span = (sentence.spans ?? []).filter((s) => s.at <= at).at(-1);
  return span?.prov ?? sentence.prov;
}

/** The first page's opening runs (the cover), up to 目录: '江苏省委办公厅2018年度部门预算公开文件'. */
function coverTitle(doc: ExtractedDocument): string | undefined {
  const page = doc.pages[0];
  if (!page) return undefined;
  const furniture = pageNumberRuns(page);
  let text = '';
  for (const r of page.runs.filter((x) => !furniture.has(x)).slice(0, 8)) {
    const t = compact(r.text);
    // The cover ends at the 目录 or at the first heading of the body ('一、收支预算总体情况说明', '第一部分').
    if (/^目录?$/.test(t) || /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/.test(t)) break;
    if (text.length + t.length > 60) break;
    text += t;
  }
  return /(?:19|20)\d{2}年|预算|决算/.test(text) ? text : undefined;
}

export function narrativeRecord(
  doc: ExtractedDocument,
  meta: DocumentMeta,
  tables: RecognisedRecord[],
  sentences: Sentence[],
  statements: Statement[],
): NarrativeRecordResult {
  const figureOf = new Map<Statement, NarrativeFigure>();
  // The stage a figure is when its sentence does not say: the document's own tables', else what the document says it is.
  const tableKind = (['budget', 'final'] as const).find((k) => tables.some((r) => r.kind === k));
  const kind = tableKind ?? (meta.kind === 'budget' || meta.kind === 'final' ? meta.kind : undefined);
  const figures: NarrativeFigure[] = [];
  const issues: Issue[] = [];
  const byKey = new Map<string, NarrativeFigure>();
  const taken = new Map<string, Set<number>>();
  const add = (f: NarrativeFigure, statement?: Statement) => {
    const id = `${f.key}|${f.stage ?? ''}`;
    const first = byKey.get(id);
    if (!first) {
      byKey.set(id, f);
      figures.push(f);
      if (statement) figureOf.set(statement, f);
      return;
    }
    if (first.value === f.value && first.unit === f.unit) {
      if (statement) figureOf.set(statement, first);
      return;
    }
    if (first.sentence === f.sentence) return;
    issues.push(
      issue(
        'warning',
        'narrative.figure_restated',
        `the narrative states ${f.key}${f.stage ? ` (${f.stage})` : ''} as ${first.printed}${first.unit} (「${first.sentence}」) and as ${f.printed}${f.unit} (「${f.sentence}」); the first is kept`,
        f.provenance,
      ),
    );
  };
  for (const st of statements) {
    const used = taken.get(st.sentence) ?? taken.set(st.sentence, new Set()).get(st.sentence)!;
    const found = amountAt(st, used);
    if (found) used.add(found.at);
    const at = found?.at ?? 0;
    const sentence = sentences.find((s) => s.text === st.sentence && s.prov === st.prov) ?? { prov: st.prov };
    const stage = st.stage ?? kind;
    add(
      {
        key: keyOf(st),
        ...(stage ? { stage } : {}),
        label: labelBefore(st.sentence, at, meta.department),
        value: st.value,
        unit: st.unit,
        printed: found?.printed ?? String(st.value),
        sentence: st.sentence,
        provenance: provAt(sentence, at),
      },
      st,
    );
  }
  for (const f of extraFigures(sentences, kind)) add(figure(f));
  if (figures.length === 0) return { figureOf };
  const first = figures[0]!.provenance;
  const units = new Set(figures.map((f) => f.unit));
  const documentTitle = coverTitle(doc);
  // baseFields reads only the table's provenance; the narrative's is where its first figure is printed.
  const base = baseFields({ prov: first } as Table, { doc, meta, tableIndex: -1 }, 'narrative', '情况说明', null);
  const draft = {
    ...base,
    kind: kind ?? meta.kind,
    unit: units.size === 1 ? [...units][0]! : null,
    tableId: 'narrative',
    ...(documentTitle ? { documentTitle } : {}),
    figures,
    issues: [...issues],
  };
  const record = validateRecord({ tableType: 'narrative', schema: narrativeRecordSchema, checks: () => [] }, draft);
  return { record, figureOf };
}

function figure(f: FoundFigure): NarrativeFigure {
  return {
    key: f.key,
    ...(f.stage ? { stage: f.stage } : {}),
    label: f.label,
    ...(f.code ? { code: f.code } : {}),
    value: f.value,
    unit: f.unit,
    printed: f.printed,
    sentence: f.sentence.text,
    provenance: provAt(f.sentence, f.at),
  };
}
