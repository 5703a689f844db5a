/**
 * The engine as the UI calls it. The app loads this module lazily (src/store/engine.ts), so the
 * page's first paint does not wait for the engine, its controllers and the instance catalog.
 */
import { advance, createSession, currentAutoscalerStates, currentSample, HISTORY_MS, issueCommand, issueCommands, seek } from './session';
import { applyCommand } from './commands/apply';
import { runView } from './commands/views';
import { autoscalerExplanations } from './autoscalers/explain';
import { latestByController } from './views/why';
import { cronWallClockNow } from './views/wallClock';
import { hpaTargets } from './views/hpaTargets';
import { podIsActive } from './lifecycle/apply';
import { vpaObjects } from './autoscalers/vpa';
import { karpenterWhy } from './autoscalers/karpenter/controller';
import { parseCpaFlags } from './autoscalers/cpa/flags';
import { CPA_STATE_KEY } from './autoscalers/cpa/state';
import { parseLabelSelector, selectorMatches } from './commands/labelSelector';
import { compareScorecards, comparisonCsv, computeScorecard, scorecardCsv } from './scorecard';
import { historyTrace, syncSessionTo } from './scorecard/compareSession';
import { advanceUntilHeld, clearSessionChecks, sessionCheckStatuses, setSessionChecks } from './checks/sessionChecks';
import { evaluateCheck, newScope } from './checks/evaluate';
import { describeCheck } from './checks/describe';
import { loadLesson } from '../lessons/loadLesson';
import { lessonScenarioText } from '../lessons/scenarioText';
import { lessonObjectWarnings } from '../lessons/namedObjects';
import { performActionCommands, prepareLessonStep, stepCheckId } from '../lessons/runLesson';
import { createEngineHost } from './worker/host';
import { installGotoResult } from './worker/replica';
import { applySamplesDelta } from './worker/protocol';

export const engineApi = {
  advance,
  createSession,
  issueCommand,
  issueCommands,
  seek,
  HISTORY_MS,
  currentSample,
  currentAutoscalerStates,
  applyCommand,
  runView,
  autoscalerExplanations,
  latestByController,
  podIsActive,
  cronWallClockNow,
  hpaTargets,
  vpaObjects,
  karpenterWhy,
  parseCpaFlags,
  CPA_STATE_KEY,
  computeScorecard,
  compareScorecards,
  comparisonCsv,
  scorecardCsv,
  // Compare mode: run B on run A's clock, sessions as trace JSON.
  syncSessionTo,
  historyTrace,
  // Lessons (docs/lessons.md): checks attached to the session are evaluated once per tick inside
  // advance/seek and latched with the time they first held.
  setSessionChecks,
  clearSessionChecks,
  sessionCheckStatuses,
  advanceUntilHeld,
  evaluateCheck,
  newScope,
  // What a step's check waits for, in words (a Message the panel renders).
  describeCheck,
  loadLesson,
  lessonScenarioText,
  lessonObjectWarnings,
  performActionCommands,
  prepareLessonStep,
  stepCheckId,
  parseLabelSelector,
  selectorMatches,
  // The engine worker (src/sim/worker): the in-page host where no Worker can be made, and what the
  // page does with the worker's answers.
  createEngineHost,
  installGotoResult,
  applySamplesDelta,
};

export type EngineApi = typeof engineApi;
