export { computeScorecard, scorecardFigure, sampleWeights, type ScorecardInput } from './compute';
export { capacityEpisodes, hasEnoughCapacity, isDemandStep } from './episodes';
export { compareScorecards } from './compare';
export { FIGURE_LABELS, clock, comparisonCsv, formatComparison, formatScorecard, formatValue, scorecardCsv } from './format';
export * from './types';
