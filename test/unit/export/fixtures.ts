import type { LineRow, ProvenanceOut } from '../../../schemas/common.js';
import type { RecognisedRecord } from '../../../src/recognise/types.js';
import type { StoredRecordRow } from '../../../src/store/ports.js';

export const DOC = 'ab'.repeat(32);
export const DOC2 = 'cd'.repeat(32);

export const prov = (over: Partial<ProvenanceOut> = {}): ProvenanceOut => ({
  sourceId: DOC,
  page: 3,
  method: 'text-layer',
  extractor: 'pdf/pdfjs@5.6.205',
  ...over,
});

function base(tableType: string, over: Partial<RecognisedRecord> = {}): RecognisedRecord {
  return {
    tableType,
    title: '收入支出决算总表',
    unit: '万元',
    region: { province: '陕西省', city: '咸阳市', county: '杨陵区' },
    department: '杨陵区人大办',
    year: 2019,
    kind: 'final',
    rows: [],
    checks: [],
    issues: [],
    provenance: prov(),
    metaProvenance: {},
    status: 'ok',
    versions: { 'pdfjs-dist': '5.6.205' },
    ...over,
  };
}

/**
 * A summary table: an income line whose name holds a comma, a quote and a line break, with its
 * value cells printed right to left in the stored key order; and an expenditure line with a
 * blank (null) value and no per-value provenance.
 */
export function summaryRecord(over: Partial<RecognisedRecord> = {}): RecognisedRecord {
  const rows: Array<LineRow & { side: string }> = [
    {
      code: '2010101',
      level: 3,
      name: '行政运行,"机关"\n（本级）',
      side: 'income',
      values: { publicFunds: 12.5, amount: 531.71 },
      cells: {
        amount: prov({ bbox: { x0: 300, y0: 120.5, x1: 360, y1: 134 } }),
        publicFunds: prov({ bbox: { x0: 420, y0: 120.5, x1: 480, y1: 134 }, method: 'ocr', confidence: 0.91 }),
      },
      provenance: prov({ bbox: { x0: 40, y0: 120.5, x1: 300, y1: 134 } }),
    },
    {
      name: '其他支出',
      side: 'expenditure',
      values: { amount: null },
      provenance: prov({ locator: 'table[3]/row[9]/cell[1]', method: 'structure', extractor: 'html/cheerio@1.2.0' }),
    },
  ];
  return base('final.summary', { tableId: 't3', rows, ...over });
}

/** A 部门整体支出绩效目标表: one indicator with a `≥ 90 %` value. */
export function deptTargetRecord(): RecognisedRecord {
  return base('perf.dept_target', {
    tableId: 't7',
    kind: 'perf_target',
    title: '部门整体支出绩效目标表',
    indicators: [
      {
        level1: '产出指标',
        level1Points: 50,
        level2: '质量指标',
        level2Points: null,
        level3: '验收合格率',
        valueType: '≥',
        value: { operator: '≥', value: 90, unit: '%', text: '≥90%' },
        scoringStandard: null,
        description: null,
        remark: null,
        provenance: prov({ locator: 'table[1]/row[20]/cell[3]', method: 'structure', extractor: 'html/cheerio@1.2.0' }),
        cells: {},
      },
    ],
  });
}

/** A 项目支出绩效自评表 with a funding line in `rows` and one scored indicator. */
export function projectSelfevalRecord(): RecognisedRecord {
  return base('perf.project_selfeval', {
    tableId: 't11',
    kind: 'perf_selfeval',
    title: '项目支出绩效自评表',
    projectName: { value: '人大会议', provenance: prov() },
    rows: [{ name: '年度资金总额', values: { budget: 22, executed: 21, rate: 95.45 }, provenance: prov() }],
    indicators: [
      {
        level1: '产出指标',
        level1Points: null,
        level2: '数量指标',
        level2Points: null,
        level3: '召开会议次数',
        level3Points: 10,
        target: { operator: '≥', value: 3, unit: '次', text: '≥3次' },
        actual: { operator: null, value: 4, unit: '次', text: '4次' },
        points: 10,
        score: 9.5,
        reason: null,
        provenance: prov({
          part: 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx',
          locator: '预算项目自评表!E13',
          method: 'structure',
          extractor: 'xlsx/sheetjs@0.20.3',
        }),
        cells: {},
      },
    ],
  });
}

export const stored = (record: RecognisedRecord, documentId = DOC, seq = 0): StoredRecordRow => ({
  documentId,
  seq,
  sourceUrl: `https://example.gov.cn/${documentId.slice(0, 4)}.pdf`,
  fileName: `${documentId.slice(0, 4)}.pdf`,
  record,
});
