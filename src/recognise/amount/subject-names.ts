import type { Issue } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { LineRow } from '../../../schemas/common.js';

/**
 * Names of the 部门预算支出经济分类科目 (economic classification, 301–310) and of the generic 项 of
 * 类 201 一般公共服务支出, as the 2019+ classification prints them. Used only to repair OCR misreads
 * of a single character (行政远行 for 行政运行, 邹电费 for 邮电费); printed text is never replaced otherwise.
 */
const ECONOMIC: Record<string, string> = {
  '301': '工资福利支出',
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30106': '伙食补助费',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30114': '医疗费',
  '30199': '其他工资福利支出',
  '302': '商品和服务支出',
  '30201': '办公费',
  '30202': '印刷费',
  '30203': '咨询费',
  '30204': '手续费',
  '30205': '水费',
  '30206': '电费',
  '30207': '邮电费',
  '30208': '取暖费',
  '30209': '物业管理费',
  '30211': '差旅费',
  '30212': '因公出国(境)费用',
  '30213': '维修(护)费',
  '30214': '租赁费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30218': '专用材料费',
  '30224': '被装购置费',
  '30225': '专用燃料费',
  '30226': '劳务费',
  '30227': '委托业务费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
  '30239': '其他交通费用',
  '30240': '税金及附加费用',
  '30299': '其他商品和服务支出',
  '303': '对个人和家庭的补助',
  '30301': '离休费',
  '30302': '退休费',
  '30303': '退职(役)费',
  '30304': '抚恤金',
  '30305': '生活补助',
  '30306': '救济费',
  '30307': '医疗费补助',
  '30308': '助学金',
  '30309': '奖励金',
  '30310': '个人农业生产补贴',
  '30311': '代缴社会保险费',
  '30399': '其他对个人和家庭的补助',
  '310': '资本性支出',
  '31001': '房屋建筑物购建',
  '31002': '办公设备购置',
  '31003': '专用设备购置',
  '31005': '基础设施建设',
  '31006': '大型修缮',
  '31007': '信息网络及软件购置更新',
  '31013': '公务用车购置',
  '31019': '其他交通工具购置',
  '31021': '文物和陈列品购置',
  '31022': '无形资产购置',
  '31099': '其他资本性支出',
};

/** 201xx01 行政运行, 201xx02 一般行政管理事务, 201xx03 机关服务, 201xx50 事业运行. */
const GENERAL_PUBLIC_ITEMS: Record<string, string> = {
  '01': '行政运行',
  '02': '一般行政管理事务',
  '03': '机关服务',
  '50': '事业运行',
};

export function subjectName(code: string, economic: boolean): string | undefined {
  if (economic) return ECONOMIC[code];
  if (code.length === 7 && code.startsWith('201')) return GENERAL_PUBLIC_ITEMS[code.slice(5)];
  return undefined;
}

function oneCharApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** Repairs one-character OCR misreads of known subject names, each with an issue; other names stay as read. */
export function repairOcrNames(rows: LineRow[], economic: boolean): Issue[] {
  const issues: Issue[] = [];
  for (const row of rows) {
    if (row.provenance.method !== 'ocr' || !row.code) continue;
    const known = subjectName(row.code, economic);
    if (!known || !oneCharApart(known, row.name)) continue;
    issues.push(
      issue(
        'warning',
        'amount.ocr_name_repaired',
        `OCR read '${row.name}' for ${row.code}; the subject is '${known}'`,
        row.provenance,
      ),
    );
    row.name = known;
  }
  return issues;
}
