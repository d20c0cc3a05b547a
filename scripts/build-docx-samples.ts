/**
 * Builds the DOCX and XLSX samples of issue 4 from the seed transcriptions in docx-samples/,
 * with their golden expectations (derived from the seeds, not from extractor output):
 *   samples/docx/yangling-2019-final.docx   seed 001: 公开01–08表 native, EMF-only, OLE BIFF8 + EMF,
 *                                           PNG screenshot; 自评表 as .xlsx and BIFF8 objects; a stale preview
 *   samples/docx/kaili-2021-perf-target.docx seed 000: 绩申表1–4 as native tables with merged cells
 *   samples/xlsx/yangling-2019-selfeval.xlsx seed 001's 人大会议 自评表 as a workbook file
 * Run: npx tsx scripts/build-docx-samples.ts   (needs fonts-noto-cjk for the PNG)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DocxBuilder, sheetValues, type ExpectedTable } from './docx-samples/docx-builder.js';
import * as f from './docx-samples/seed-001-final.js';
import * as s from './docx-samples/seed-001-selfeval.js';
import { narrative } from './docx-samples/seed-001-narrative.js';
import * as k from './docx-samples/seed-000-forms.js';
import { parseGrid, textRows } from './docx-samples/grid-spec.js';
import { book, specSheet, xlsxPackage } from './docx-samples/workbook-object.js';

interface Expected {
  sample: string;
  format: string;
  issues: Array<{ code: string; mentions: string[] }>;
  tables: ExpectedTable[];
}

function save(path: string, bytes: Uint8Array | string): void {
  writeFileSync(path, bytes);
  console.log(`wrote ${path}`);
}

function saveExpected(dir: string, name: string, e: Expected): void {
  mkdirSync(dir, { recursive: true });
  save(`${dir}/${name}.expected.json`, `${JSON.stringify(e, null, 1)}\n`);
}

async function yangling(): Promise<void> {
  const d = new DocxBuilder('咸阳市杨陵区人大常委会办公室2019年度部门决算');
  d.p('咸阳市杨陵区人大常委会办公室2019年度部门决算', { center: true, bold: true, size: 16 })
    .lines([
      '第一部分 部门概况',
      '第二部分 2019年度部门决算表',
      '第三部分 2019年度部门决算情况说明',
      '第四部分 专业名词解释',
      '第一部分 部门概况',
      '一、部门主要职责及内设机构',
    ])
    .p('二、部门决算单位构成')
    .p('从决算单位构成看，本部门的部门决算包括部门本级（机关）决算，无下属事业单位。')
    .native(f.unitList, '部门决算单位构成')
    .p('三、部门人员情况')
    .p(
      '截止2019年底，杨陵区人大常委会办公室总编制4人，其中：行政编制4人，事业编制0人；实有在职人员29人，其中行政人员29人，事业人员0人。单位管理的离退休人员29人。',
    )
    .native(f.emptyIndex, '部门人员情况');
  d.lines(f.headers.t01).native(f.t01, '公开01表').p(f.notes.t01);
  d.lines(f.headers.t02).native(f.t02, '公开02表').p(f.notes.t02);
  d.lines(f.headers.t03).pictureTable(f.t03, { contextIncludes: '公开03表', kind: 'emf' }).p(f.notes.t03);
  d.lines(f.headers.t04a).native(f.t04a, '公开04表');
  d.lines(f.headers.t04b).native(f.t04b, '公开04表').p(f.notes.t04);
  d.lines(f.headers.t05)
    .workbook(f.t05, { contextIncludes: '公开05表', sheet: 'Sheet1', at: { r: 0, c: 0 } })
    .p(f.notes.t05);
  d.lines(f.headers.t06).native(f.t06, '公开06表').p(f.notes.t06);
  d.lines(f.headers.t07).pictureTable(f.t07, { contextIncludes: '公开07表', kind: 'png' }).p(f.notes.t07);
  d.lines(f.headers.t08).native(f.t08, '公开08表').p(f.notes.t08);
  d.p('第三部分 2019 年部门决算情况说明');
  for (const text of narrative) d.p(text);
  d.p('十、预算绩效情况说明')
    .p(
      '1.人大会议：该项目根据年初设定的绩效目标，项目自评得分100分。项目全年预算数22万元，执行数22万元，完成预算的100%。',
    )
    .p('预算项目自评表')
    .workbook(s.selfEvalMeeting, {
      contextIncludes: '人大会议',
      sheet: '预算项目自评表',
      at: { r: 1, c: 1 },
      xlsx: true,
    })
    .p(
      '2.代表工作：该项目根据年初设定的绩效目标，项目自评得分80分。项目全年预算数23.3万元，执行数15.14万元，完成预算的64.98%。',
    )
    .p('预算项目自评表')
    .workbook(s.selfEvalDeputies, { contextIncludes: '代表工作', sheet: '预算项目自评表', at: { r: 1, c: 1 } })
    .p(
      '3.其他人大工作事务：该项目根据年初设定的绩效目标，项目自评得分90分。项目全年预算数8.1万元，执行数5.87万元，完成预算的72.47%。',
    )
    .p('预算项目自评表')
    .workbook(s.selfEvalOther, { contextIncludes: '其他人大工作事务', sheet: '预算项目自评表', at: { r: 1, c: 1 } })
    .p('整体支出绩效自评表')
    .workbook(s.selfEvalDept, {
      contextIncludes: '整体支出绩效自评表',
      sheet: '整体支出绩效自评表 ',
      at: { r: 1, c: 1 },
      stale: s.staleDeptScores,
      layoutWidth: 1400,
    });
  save('samples/docx/yangling-2019-final.docx', await d.build());
  saveExpected('test/golden/docx', 'yangling-2019-final', {
    sample: 'yangling-2019-final.docx',
    format: 'docx',
    // The stale preview prints 5 for the 得分 of 项目产出 (K17) and 项目效益 (K18), the workbook 40 and 20.
    issues: [{ code: 'docx.stale_preview', mentions: ['word/media/image7.emf', 'K17', 'K18'] }],
    tables: d.expected,
  });
}

async function kaili(): Promise<void> {
  const d = new DocxBuilder('凯里市人大常委会办公室2021年部门整体支出绩效目标申报表');
  d.lines(k.formHeaders.form1).native(k.form1, '绩申表--1');
  d.lines(k.formHeaders.form2).native(k.form2, '绩申表—2');
  d.lines(k.formHeaders.form3).native(k.form3, '绩申表—3').p('注：表的内容可根据实际情况适当增减。');
  d.lines(k.formHeaders.form4).native(k.form4, '绩申表—4').lines(k.form4After);
  d.p('《市级部门（单位）整体支出绩效目标申报表》填报说明', { center: true, bold: true })
    .p('一、适用范围')
    .p('本表适用于申请部门预算项目支出预算时填报，年中调整预算的项目支出参照填列。');
  save('samples/docx/kaili-2021-perf-target.docx', await d.build());
  saveExpected('test/golden/docx', 'kaili-2021-perf-target', {
    sample: 'kaili-2021-perf-target.docx',
    format: 'docx',
    issues: [],
    tables: d.expected,
  });
}

function selfEvalWorkbook(): void {
  const g = parseGrid(s.selfEvalMeeting);
  save('samples/xlsx/yangling-2019-selfeval.xlsx', xlsxPackage(book(specSheet(g, { r: 1, c: 1 }), '预算项目自评表')));
  const last = g.cells[g.cells.length - 1]!;
  saveExpected('test/golden/xlsx', 'yangling-2019-selfeval', {
    sample: 'yangling-2019-selfeval.xlsx',
    format: 'xlsx',
    issues: [],
    tables: [
      {
        source: 'workbook',
        part: '',
        method: 'structure',
        contextIncludes: '预算项目自评表',
        nRows: g.nRows,
        nCols: g.nCols,
        rows: textRows(g),
        spans: g.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => [c.row, c.col, c.rowSpan, c.colSpan]),
        firstLocator: '预算项目自评表!B2',
        lastLocator: `预算项目自评表!${String.fromCharCode(66 + last.col)}${last.row + 2}`,
        values: sheetValues(g),
      },
    ],
  });
}

mkdirSync('samples/docx', { recursive: true });
mkdirSync('samples/xlsx', { recursive: true });
await yangling();
await kaili();
selfEvalWorkbook();
