/**
 * The engine as the UI calls it. The app loads this module lazily (src/store/engine.ts), so the
 * page's first paint does not wait for the engine, its controllers and the instance catalog.
 */
import { advance, createSession, HISTORY_MS, issueCommand, seek } from './session';
import { applyCommand } from './commands/apply';
import { runView } from './commands/views';
import { autoscalerExplanations } from './autoscalers/explain';
import { podIsActive } from './lifecycle/apply';
import { vpaObjects } from './autoscalers/vpa';
import { karpenterWhy } from './autoscalers/karpenter/controller';
import { parseCpaFlags } from './autoscalers/cpa/flags';
import { CPA_STATE_KEY } from './autoscalers/cpa/state';
import { compareScorecards, comparisonCsv, computeScorecard, scorecardCsv } from './scorecard';

export const engineApi = {
  advance,
  createSession,
  issueCommand,
  seek,
  HISTORY_MS,
  applyCommand,
  runView,
  autoscalerExplanations,
  podIsActive,
  vpaObjects,
  karpenterWhy,
  parseCpaFlags,
  CPA_STATE_KEY,
  computeScorecard,
  compareScorecards,
  comparisonCsv,
  scorecardCsv,
};

export type EngineApi = typeof engineApi;
