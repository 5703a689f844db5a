/** Run-B presets: pure transforms of a scenario's text (docs/scorecard.md, "Presets"). */
import { toClusterAutoscaler } from './clusterAutoscaler';
import { toKarpenter } from './karpenter';
import { toHpaBehavior, toSpot, toVpaOff } from './simple';
import { PRESET_IDS, type PresetId, type PresetResult } from './types';

export { PRESET_IDS, type PresetId, type PresetNote, type PresetResult } from './types';

export function applyPreset(id: PresetId, text: string): PresetResult {
  switch (id) {
    case 'karpenter':
      return toKarpenter(text);
    case 'cluster-autoscaler':
      return toClusterAutoscaler(text);
    case 'spot':
      return toSpot(text);
    case 'hpa-fast':
    case 'hpa-conservative':
      return toHpaBehavior(text, id);
    case 'vpa-off':
      return toVpaOff(text);
  }
}

/** Which presets fit a scenario (those whose transform succeeds), with the reason for the others. */
export function presetsFor(text: string): PresetResult[] {
  return PRESET_IDS.map((id) => applyPreset(id, text));
}

export function isPresetId(s: string): s is PresetId {
  return (PRESET_IDS as readonly string[]).includes(s);
}
