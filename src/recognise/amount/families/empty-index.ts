import { defineFamily } from './types.js';

/** The index of published tables (seed 001: 序号 / 内容 / 是否空表 / 表格为空的理由): no amounts, `entries` instead. */
export const emptyIndex = defineFamily({
  id: 'empty_index',
  description: 'the index of published 决算 tables: which are empty on purpose and why (`entries`, no amounts)',
  kinds: ['final'],
  layout: 'index',
  title: { patterns: [], rank: 99 },
  header: { all: [/是否空表|为空的理由/], rank: 1, outranksTitle: true },
  columns: {},
  requiredRows: [],
  identities: [],
});
