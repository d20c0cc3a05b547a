import type { z } from 'zod';
import type { Issue, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { Check } from '../../../schemas/common.js';
import type { Recogniser, RecogniseContext, RecogniseResult, RecognisedRecord } from '../types.js';
import { type AmountKind, classifyAmountTable } from './classify.js';
import {
  isTotalRow,
  misplacedCodes,
  placeMisprintedCodes,
  rowIdentityChecks,
  totalChecks,
  treeChecks,
} from './code-tree.js';
import { analyseHeader, columnRole } from './header-match.js';
import { readEmptyIndex } from './index-table.js';
import { type BodyRow, readBody, segmentColumns } from './line-rows.js';
import type { FamilySpec } from './specs.js';
import { type SummaryRow, summaryChecks, toSummaryRows } from './summary.js';
import { readTransposed } from './transposed.js';
import { tableUnit } from './unit.js';
import { tableMeta } from './department.js';
import { groupChecks } from './group-checks.js';
import { procurementChecks, procurementName } from './procurement.js';
import { amountCompleteness } from './completeness.js';
import type { AmountStats } from './line-rows.js';
import { repairOcrNames } from './subject-names.js';

export const AMOUNT_RECOGNISER_VERSION = 'amount@1';

/** One recogniser per (kind, family): 决算 and 预算 share the reading, only the type id differs. */
export function makeAmountRecogniser(kind: AmountKind, spec: FamilySpec, schema: z.ZodType): Recogniser {
  const tableType = `${kind}.${spec.family}`;
  return {
    tableType,
    schema,
    score(table, ctx) {
      const c = classifyAmountTable(table, ctx);
      return c && c.family === spec.family && c.kind === kind ? c.score : 0;
    },
    recognise: (table, ctx) => recogniseAmount(table, ctx, kind, spec, tableType),
    checks: (record) => amountChecks(spec, tableType, record),
    // A header-only grid (a blank template) has no body to continue.
    headerRows: (table) => {
      const { bodyStart } = analyseHeader(table);
      return bodyStart < table.nRows ? bodyStart : null;
    },
  };
}

function recogniseAmount(
  table: Table,
  ctx: RecogniseContext,
  kind: AmountKind,
  spec: FamilySpec,
  tableType: string,
): RecogniseResult {
  const header = analyseHeader(table);
  const issues: Issue[] = [];
  const classification = classifyAmountTable(table, ctx);
  const unit = tableUnit(table, header.innerContext, header.paths, classification?.linesAround ?? []);
  if (!unit && spec.layout !== 'index')
    issues.push(
      issue('warning', 'amount.unit_missing', 'no 单位 line printed with the table; unit left null', table.prov),
    );
  const extra: Record<string, unknown> = {};
  let rows: Array<Record<string, unknown>> = [];
  let stats: AmountStats | undefined;
  if (spec.layout === 'index') {
    const index = readEmptyIndex(table);
    extra.entries = index.entries;
    issues.push(...index.issues);
  } else if (spec.layout === 'transposed') {
    const read = readTransposed(table, header, spec.columns, kind);
    rows = read.rows.map(outputRow);
    stats = read.stats;
    issues.push(...read.issues);
  } else {
    const roles = header.paths.map((p) => columnRole(p, spec.columns));
    const segments = segmentColumns(roles, header.paths);
    const read = readBody(table, header, segments);
    stats = read.stats;
    issues.push(...read.issues, ...unmappedColumns(table, header.paths, roles, header.bodyStart));
    if (spec.layout === 'summary') rows = toSummaryRows(read.rows, segments).map(outputRow);
    else {
      if (spec.layout === 'procurement') for (const r of read.rows) r.name = procurementName(r);
      else {
        issues.push(
          ...codeIssues(
            read.rows,
            segments.some((s) => s.codeCols.length > 0),
          ),
        );
        issues.push(
          ...repairOcrNames(read.rows, spec.family === 'gpb_basic_economic' || spec.family === 'operating_costs'),
        );
      }
      rows = read.rows.map(outputRow);
    }
  }
  if (stats) issues.push(...amountCompleteness(table, spec, rows as RecognisedRecord['rows'], stats, header.bodyStart));
  if (stats?.decimals !== undefined) extra.printedDecimals = stats.decimals;
  const title = classification?.title ?? '';
  // Jiangsu prints 财政拨款支出预算表 (all fiscal funds) beside 一般公共预算支出预算表.
  if (spec.family === 'gpb_functional' || spec.family === 'gpb_basic_economic')
    extra.scope = /财政拨款/.test(title) && !/一般公共预算/.test(title) ? 'fiscal' : 'general_budget';
  const own = tableMeta(
    table,
    [...(classification?.linesAround ?? []), ...table.context, ...header.innerContext],
    ctx.meta,
  );
  issues.push(...(own.issues ?? []));
  const metaProvenance = { ...ctx.meta.provenance, ...own.provenance, title: table.prov, unit: table.prov };
  return {
    record: {
      tableType,
      title,
      unit,
      region: own.region,
      department: own.department,
      year: ctx.meta.year,
      kind,
      rows: rows as RecognisedRecord['rows'],
      // Issues travel in the result only; the registry merges them into the record.
      issues: [],
      provenance: table.prov,
      metaProvenance,
      versions: { ...ctx.doc.versions, recogniser: AMOUNT_RECOGNISER_VERSION },
      ...extra,
    },
    issues,
  };
}

/** The output-contract row: internal reading fields dropped, text columns as `notes`. */
function outputRow(r: BodyRow): Record<string, unknown> {
  const { segment: _s, gridRow: _g, codeText: _c, texts, ...rest } = r;
  return texts ? { ...rest, notes: texts } : rest;
}

/** Lines without a code (抚恤金 printed without 30304, docs/domain.md §2) are kept, with an issue. */
function codeIssues(rows: BodyRow[], coded: boolean): Issue[] {
  const issues: Issue[] = [];
  if (!coded && !rows.some((r) => r.code)) return issues;
  // A misprinted code is placed by position first, so the tree checks read the placed code: one finding per typo.
  for (const m of placeMisprintedCodes(rows)) {
    const row = m.row as BodyRow;
    if (row.codeText) row.printedCode = row.codeText;
    issues.push(
      issue(
        'warning',
        'amount.code_misprinted',
        `code '${row.printedCode ?? m.printed}' (${row.name}) does not fit the tree where it is printed; placed by position as ${m.placed} (${['类', '款', '项'][m.level - 1]})`,
        row.provenance,
      ),
    );
  }
  for (const r of rows) {
    if (!r.code && !isTotalRow(r) && Object.values(r.values).some((v) => v !== null))
      issues.push(issue('warning', 'amount.row_without_code', `line '${r.name}' has no subject code`, r.provenance));
    if (r.code && !r.level)
      issues.push(issue('warning', 'amount.code_length', `code ${r.code} is not 3, 5 or 7 digits`, r.provenance));
  }
  for (const r of misplacedCodes(rows))
    issues.push(
      issue(
        'warning',
        'amount.code_misplaced',
        `code ${r.code} (${r.name}) is printed under a parent it does not extend`,
        r.provenance,
      ),
    );
  return issues;
}

/** A column that prints amounts under a header no rule maps: reported, never silently dropped. */
function unmappedColumns(
  table: Table,
  paths: string[][],
  roles: ReturnType<typeof columnRole>[],
  bodyStart: number,
): Issue[] {
  const issues: Issue[] = [];
  roles.forEach((role, col) => {
    // Line numbers (栏次 / 行次 / 序号) are no amounts.
    if (role.role !== 'ignored' || /^(栏次|行次|序号|栏号)$/.test(paths[col]?.at(-1) ?? '')) return;
    const cells = table.cells.filter(
      (c) => c.col === col && c.row >= bodyStart && /\d/.test(c.text) && !/^\s*\d{3,}\s*$/.test(c.text),
    );
    if (cells.length > 0 && cells.some((c) => /[.,]\d|^\s*\d+\s*$/.test(c.text)))
      issues.push(
        issue(
          'error',
          'amount.unmapped_column',
          `column '${paths[col]?.join('/') ?? col}' holds amounts but no key: they are missing from the record`,
          cells[0]!.prov,
        ),
      );
  });
  return issues;
}

function amountChecks(spec: FamilySpec, tableType: string, record: RecognisedRecord): Check[] {
  const rows = record.rows;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const checks: Check[] = [];
  if (spec.layout === 'summary') checks.push(...summaryChecks(tableType, rows as SummaryRow[]));
  checks.push(...rowIdentityChecks(tableType, rows, spec.identities));
  if (spec.layout === 'lines') {
    checks.push(...treeChecks(`${tableType}.tree`, rows, keys), ...totalChecks(`${tableType}.total`, rows, keys));
    checks.push(...groupChecks(tableType, rows, keys));
  }
  if (spec.layout === 'procurement') checks.push(...procurementChecks(tableType, rows));
  return checks;
}
