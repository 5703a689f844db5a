import type { PathProblem } from './errors';
import { parseDuration } from './duration';
import type { ScenarioDoc } from './scenarioSchema';
import { regionZones } from './zones';
import { msg } from '../sim/core/message';

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
    if (groupNames.has(g.name)) out.push({ path: [...at, 'name'], message: `Duplicate value: "${g.name}": node group names must be unique`, msg: msg('scenarioError.check.groupName', { name: g.name }) });
    groupNames.add(g.name);
    if (g.instanceType !== undefined && g.instanceTypes !== undefined) {
      out.push({ path: [...at, 'instanceTypes'], message: 'set instanceType or instanceTypes, not both', atKey: true, msg: msg('scenarioError.check.instanceTypeBoth') });
    }
    if (g.instanceType === undefined && g.instanceTypes === undefined) {
      out.push({ path: at, message: 'Required value: instanceType (e.g. t3.medium) or instanceTypes (a list)', msg: msg('scenarioError.check.instanceTypeMissing') });
    }
    if (g.minSize > g.maxSize) {
      const params = { max: g.maxSize, min: g.minSize };
      out.push({ path: [...at, 'maxSize'], message: `Invalid value: ${g.maxSize}: maxSize must be greater than or equal to minSize (${g.minSize})`, msg: msg('scenarioError.check.maxBelowMin', params) });
    } else if (g.desiredCapacity !== undefined && (g.desiredCapacity < g.minSize || g.desiredCapacity > g.maxSize)) {
      const params = { desired: g.desiredCapacity, min: g.minSize, max: g.maxSize };
      const message = `Invalid value: ${g.desiredCapacity}: desiredCapacity must be between minSize (${g.minSize}) and maxSize (${g.maxSize})`;
      out.push({ path: [...at, 'desiredCapacity'], message, msg: msg('scenarioError.check.desiredOutside', params) });
    }
    const zones = regionZones(region);
    (g.zones ?? []).forEach((z, j) => {
      const params = { zone: z, region, zones: zones.join(', ') };
      if (!zones.includes(z)) out.push({ path: [...at, 'zones', j], message: `Unsupported value: "${z}": zones of ${region} are ${params.zones}`, msg: msg('scenarioError.check.zone', params) });
    });
  });
  const targets = new Set<string>();
  (spec.load ?? []).forEach((l, i) => {
    const at = ['spec', 'load', i];
    if (targets.has(l.target)) out.push({ path: [...at, 'target'], message: `Duplicate value: "${l.target}": one load entry per target`, msg: msg('scenarioError.check.loadTarget', { target: l.target }) });
    targets.add(l.target);
    if (l.clients !== undefined && l.profile !== undefined) {
      out.push({ path: [...at, 'profile'], message: 'set clients (closed loop) or profile (open loop), not both', atKey: true, msg: msg('scenarioError.check.clientsAndProfile') });
    }
    let previous = -1;
    (l.profile ?? []).forEach((step, j) => {
      const t = ms(step.at, 0);
      if (t < previous) out.push({ path: [...at, 'profile', j, 'at'], message: 'profile steps must be in time order', msg: msg('scenarioError.check.profileOrder') });
      previous = t;
    });
  });
  (spec.timeline ?? []).forEach((entry, i) => {
    const at = ['spec', 'timeline', i];
    const has = [entry.run !== undefined || entry.command !== undefined, entry.apply !== undefined].filter(Boolean).length;
    if (has === 0) out.push({ path: at, message: 'Required value: each timeline entry needs run: "<command line>" or apply: <manifest>', msg: msg('scenarioError.check.timelineEmpty') });
    if (has === 2) out.push({ path: [...at, 'apply'], message: 'set run or apply, not both', atKey: true, msg: msg('scenarioError.check.runAndApply') });
  });
  return out;
}
