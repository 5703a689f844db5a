/** A run-B preset: a pure transform of a scenario's documents (same seed, load and timeline). */
export type PresetId = 'karpenter' | 'cluster-autoscaler' | 'spot' | 'hpa-fast' | 'hpa-conservative' | 'vpa-off';

export const PRESET_IDS: readonly PresetId[] = ['karpenter', 'cluster-autoscaler', 'spot', 'hpa-fast', 'hpa-conservative', 'vpa-off'];

/** Translatable message: `compare.preset.<key>` in the locale files; CLI output renders `text`. */
export interface PresetNote {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

export type PresetResult =
  | { ok: true; id: PresetId; text: string; scenarioName: string; notes: PresetNote[] }
  | { ok: false; id: PresetId; reason: PresetNote };

export const note = (key: string, params: Record<string, string | number>, text: string): PresetNote => ({ key, params, text });
