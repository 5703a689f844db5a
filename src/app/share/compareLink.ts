import i18next from 'i18next';
import { useEffect } from 'react';
import { renderMessage } from '../../ui/i18n/message';
import { usePlayground } from '../../store/playgroundStore';
import { useCompare } from '../../store/compareStore';
import { useTabs } from '../../store/tabStore';
import { exampleScenarios } from '../exampleList';
import { hashParam } from './hashParams';
import { decodeCompareParam, decodeSlo, DEFAULT_SLO_MS, encodeCompareParam, setHashParams, type CompareSpec } from './compareParam';

const loadLib = () => import('../../ui/compare/compareLoading');

/** Open run B from the link's `cmp=` (and `slo=`) beside run A, on A's clock, in the Compare tab. */
async function openFromLink(value: string, slo: string | undefined): Promise<void> {
  const lib = await loadLib();
  const { session, scenario } = usePlayground.getState();
  if (!session || !scenario) return;
  useTabs.getState().setTab('compare');
  useCompare.getState().setSlo(decodeSlo(slo));
  const fail = (errors: string[]) => useCompare.setState({ linkErrors: errors });
  const d = decodeCompareParam(value, { presets: lib.PRESET_IDS, examples: exampleScenarios.map((e) => e.id) });
  if (!d.ok) return fail([renderMessage(i18next.t.bind(i18next), d.msg)]);
  let text: string;
  let source: string;
  if (d.spec.kind === 'preset') {
    const r = lib.applyPreset(d.spec.id as Parameters<typeof lib.applyPreset>[0], scenario.text);
    if (!r.ok) return fail([i18next.t('link.cmpPresetMisfit', { id: d.spec.id, reason: r.reason.text })]);
    text = r.text;
    source = `preset:${d.spec.id}`;
  } else if (d.spec.kind === 'example') {
    const id = d.spec.id;
    text = exampleScenarios.find((e) => e.id === id)?.text ?? '';
    source = `example:${id}`;
  } else {
    text = d.spec.text;
    source = 'edited';
  }
  const parsed = lib.parseScenario(text, 'run-b.yaml');
  if (!parsed.ok) return fail(parsed.messages.map((m) => renderMessage(i18next.t, m)));
  const { session: a } = usePlayground.getState();
  if (!a) return;
  // Same seed as A, so only the scenario differs (as the panel's Start B does).
  useCompare.getState().startB({ ...parsed.scenario, spec: { ...parsed.scenario.spec, seed: a.spec.seed } }, source, a.world.timeMs);
}

/** The shortest `cmp=` that gives run B back: the preset or example when B is exactly that, else the YAML. */
/** The running comparison as its `cmp=` value, or null when none runs. */
export async function compareValue(): Promise<string | null> {
  const { b, bScenario, source } = useCompare.getState();
  if (!b || !bScenario) return null;
  const lib = await loadLib();
  const aText = usePlayground.getState().scenario?.text;
  let spec: CompareSpec | null = null;
  if (source?.startsWith('preset:') && aText !== undefined) {
    const id = source.slice('preset:'.length);
    const r = lib.applyPreset(id as Parameters<typeof lib.applyPreset>[0], aText);
    if (r.ok && r.text === bScenario.text) spec = { kind: 'preset', id };
  } else if (source?.startsWith('example:')) {
    const id = source.slice('example:'.length);
    if (exampleScenarios.find((e) => e.id === id)?.text === bScenario.text) spec = { kind: 'example', id };
  }
  return encodeCompareParam(spec ?? { kind: 'yaml', text: bScenario.text });
}

async function writeCompareParams(): Promise<void> {
  const cmp = await compareValue();
  const { sloMs } = useCompare.getState();
  const next = setHashParams(window.location.hash, { cmp, slo: cmp !== null && sloMs !== DEFAULT_SLO_MS ? String(sloMs) : null });
  if (next !== window.location.hash) window.history.replaceState(null, '', next || window.location.pathname);
}

/** A link's comparison (`cmp=`, `slo=`), once the link's run A is on screen; nothing when it has none. */
export function openCompareFromHash(hash: string): Promise<void> {
  const value = hashParam(hash, 'cmp');
  return value === undefined ? Promise.resolve() : openFromLink(value, hashParam(hash, 'slo'));
}

/**
 * A comparison in the address: once the run from the link is on screen (`ready`), `cmp=` opens its
 * run B; from then on starting, changing or stopping B (or the SLO) rewrites `cmp=`/`slo=`, which
 * the hash sync keeps, so Copy link shares both runs.
 */
export function useCompareLink(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    void openCompareFromHash(window.location.hash);
    return useCompare.subscribe((s, prev) => {
      // Not on every sync of B: when B starts (its first answer), stops or is replaced, or the SLO moves.
      if (s.bRun !== prev.bRun || (s.b === null) !== (prev.b === null) || (s.b && s.sloMs !== prev.sloMs)) void writeCompareParams();
    });
  }, [ready]);
}
