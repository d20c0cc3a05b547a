import type { Recogniser } from '../types.js';
import { deptSelfevalRecogniser } from './dept-selfeval.js';
import { deptTargetRecogniser } from './dept-target.js';
import { projectSelfevalRecogniser } from './project-selfeval.js';
import { projectTargetRecogniser } from './project-target.js';
import { withCompleteness } from './completeness.js';

/** The four 绩效 table types (docs/architecture.md, Output contract). */
export const perfRecognisers: Recogniser[] = [
  deptTargetRecogniser,
  projectTargetRecogniser,
  deptSelfevalRecogniser,
  projectSelfevalRecogniser,
].map(withCompleteness);
