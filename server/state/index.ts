/**
 * The state fold: many reports' extractions (plus journalists' corrections) → one public
 * picture of the crisis. Pure and deterministic: no I/O, no wall clock; time is the
 * newest dateline seen.
 */
export { applyReport, applyReports, foldReports, type FoldInput } from './apply.js';
export { applyCorrections } from './corrections.js';
export { factStatus, factsTakenOffTheWall, hasVerdicts, takesFactOffTheWall, withVerdicts } from './verdicts.js';
export { emptyState, type CrisisState, type FoldOptions } from './types.js';
export { publicView } from './view.js';
export { indexValue, tensionLevel } from './tensionView.js';
export { HALF_LIFE_DAYS, LEVEL_THRESHOLDS, TENSION_SCALE, TROOP_WINDOW_DAYS } from './constants.js';
