/**
 * The scorecard of one run: SLO, capacity and cost figures computed from a trace's samples
 * (docs/scorecard.md). Every figure names the sim time of the moment that shows it, so a view can
 * time-travel there. Figures that the trace cannot support are `null` with a reason key.
 */
export type FigureId =
  | 'offeredRequests'
  | 'servedRequests'
  | 'droppedRequests'
  | 'servedPercent'
  | 'timeAboveSlo'
  | 'worstP95'
  | 'pendingPodSeconds'
  | 'timeToCapacity'
  | 'totalCost'
  | 'peakCostPerHour'
  | 'cpuRequestedPercent'
  | 'memoryRequestedPercent'
  | 'evictions'
  | 'nodesLaunched'
  | 'nodesTerminated';

export type FigureUnit = 'requests' | 'percent' | 'seconds' | 'ms' | 'podSeconds' | 'usd' | 'usdPerHour' | 'count';

/** Which way is better: the difference column is coloured by it. */
export type Better = 'higher' | 'lower' | 'neither';

export interface Figure {
  id: FigureId;
  unit: FigureUnit;
  better: Better;
  /** null: not defined for this run (no load, no demand step, fields missing); `missing` says why. */
  value: number | null;
  /** Sim seconds of the moment that shows the figure (its worst or first sample); null if none. */
  atSeconds: number | null;
  /** Reason key (scorecard.missing.*) when value is null, or a qualifier such as 'notReached'. */
  note?: string;
}

/** One episode of "demand went up until there was enough capacity again". */
export interface CapacityEpisode {
  /** The sample at which demand first went up (desired replicas or offered load). */
  stepSeconds: number;
  /** First sample with enough capacity again; null when the run ended first. */
  reachedSeconds: number | null;
  /** reached - step, or run end - step when not reached (then `reached` is false). */
  seconds: number;
  reached: boolean;
}

export interface Scorecard {
  scenario: string;
  seed: number;
  durationSeconds: number;
  sloMs: number;
  figures: Figure[];
  episodes: CapacityEpisode[];
}

export interface ScorecardOptions {
  /** Latency SLO on each load target's p95, in ms (default 500). */
  sloMs?: number;
}

export const DEFAULT_SLO_MS = 500;

export interface ComparedFigure {
  id: FigureId;
  unit: FigureUnit;
  better: Better;
  a: Figure;
  b: Figure;
  /** b - a, null when either side is null. */
  difference: number | null;
  /** 'a' or 'b' when one side is better by the figure's direction; 'same' or null otherwise. */
  winner: 'a' | 'b' | 'same' | null;
}

export interface ScorecardComparison {
  sloMs: number;
  a: Scorecard;
  b: Scorecard;
  figures: ComparedFigure[];
}
