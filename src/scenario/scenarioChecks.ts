import type { PathProblem } from './errors';
import { parseDuration } from './duration';
import type { ScenarioDoc } from './scenarioSchema';
import { regionZones } from './zones';

export const DEFAULT_REGION = 'ap-northeast-2';

const ms = (v: string | number | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const r = parseDuration(v);
  return r.ok ? r.ms : fallback;
};

/** Rules across fields of the Scenario document that its schema cannot express. */
export function scenarioProblems(doc: ScenarioDoc): PathProblem[] {
  const out: PathProblem[] = [];
  const spec = doc.spec;
  const region = spec.region ?? DEFAULT_REGION;
  const groupNames = new Set<string>();
  (spec.nodeGroups ?? []).forEach((g, i) => {
    const at = ['spec', 'nodeGroups', i];
    if (groupNames.has(g.name)) out.push({ path: [...at, 'name'], message: `Duplicate value: "${g.name}": node group names must be unique` });
    groupNames.add(g.name);
    if (g.instanceType !== undefined && g.instanceTypes !== undefined) out.push({ path: [...at, 'instanceTypes'], message: 'set instanceType or instanceTypes, not both', atKey: true });
    if (g.instanceType === undefined && g.instanceTypes === undefined) out.push({ path: at, message: 'Required value: instanceType (e.g. t3.medium) or instanceTypes (a list)' });
    if (g.minSize > g.maxSize) out.push({ path: [...at, 'maxSize'], message: `Invalid value: ${g.maxSize}: maxSize must be greater than or equal to minSize (${g.minSize})` });
    else if (g.desiredCapacity !== undefined && (g.desiredCapacity < g.minSize || g.desiredCapacity > g.maxSize)) {
      out.push({ path: [...at, 'desiredCapacity'], message: `Invalid value: ${g.desiredCapacity}: desiredCapacity must be between minSize (${g.minSize}) and maxSize (${g.maxSize})` });
    }
    const zones = regionZones(region);
    (g.zones ?? []).forEach((z, j) => {
      if (!zones.includes(z)) out.push({ path: [...at, 'zones', j], message: `Unsupported value: "${z}": zones of ${region} are ${zones.join(', ')}` });
    });
  });
  const targets = new Set<string>();
  (spec.load ?? []).forEach((l, i) => {
    const at = ['spec', 'load', i];
    if (targets.has(l.target)) out.push({ path: [...at, 'target'], message: `Duplicate value: "${l.target}": one load entry per target` });
    targets.add(l.target);
    if (l.clients !== undefined && l.profile !== undefined) out.push({ path: [...at, 'profile'], message: 'set clients (closed loop) or profile (open loop), not both', atKey: true });
    let previous = -1;
    (l.profile ?? []).forEach((step, j) => {
      const t = ms(step.at, 0);
      if (t < previous) out.push({ path: [...at, 'profile', j, 'at'], message: 'profile steps must be in time order' });
      previous = t;
    });
  });
  (spec.timeline ?? []).forEach((entry, i) => {
    const at = ['spec', 'timeline', i];
    const has = [entry.run !== undefined || entry.command !== undefined, entry.apply !== undefined].filter(Boolean).length;
    if (has === 0) out.push({ path: at, message: 'Required value: each timeline entry needs run: "<command line>" or apply: <manifest>' });
    if (has === 2) out.push({ path: [...at, 'apply'], message: 'set run or apply, not both', atKey: true });
  });
  return out;
}
