import { msg } from '../../core/message';
import {
  asObj,
  checkKeys,
  IssueCollector,
  parseLimits,
  parseRequirements,
  parseTaints,
  stringMap,
  type Obj,
  type ParseIssue,
} from './parseHelpers';
import { LABEL_CAPACITY_TYPE } from './requirements';
import type {
  ConsolidationPolicy,
  DisruptionBudget,
  DisruptionReason,
  EC2NodeClass,
  NodePool,
  NodeSelectorRequirement,
} from './types';
import { parseDurationSeconds } from './units';

/** karpenter.sh/v1 defaults (pkg/apis/v1/nodepool.go CRD markers). */
export const DEFAULT_EXPIRE_AFTER_SECONDS = 720 * 3600;
export const DEFAULT_CONSOLIDATE_AFTER_SECONDS = 0;
export const DEFAULT_BUDGETS: readonly DisruptionBudget[] = [{ nodes: '10%' }];
export const DEFAULT_CONSOLIDATION_POLICY: ConsolidationPolicy = 'WhenEmptyOrUnderutilized';

/**
 * With no `karpenter.sh/capacity-type` requirement a NodePool launches on-demand (the AWS
 * provider's documented default); every other well-known label is left open.
 */
export function withDefaultRequirements(reqs: NodeSelectorRequirement[]): NodeSelectorRequirement[] {
  if (reqs.some((r) => r.key === LABEL_CAPACITY_TYPE)) return reqs;
  return [...reqs, { key: LABEL_CAPACITY_TYPE, operator: 'In', values: ['on-demand'] }];
}

export interface ParsedNodePool {
  nodePool: NodePool;
  errors: ParseIssue[];
  notices: ParseIssue[];
}

const BUDGET_NODES = /^((100|[0-9]{1,2})%|[0-9]+)$/;
const REASONS: readonly DisruptionReason[] = ['Underutilized', 'Empty', 'Drifted'];

export function parseBudgets(v: unknown, path: string, issues: IssueCollector): DisruptionBudget[] {
  if (v === undefined || v === null) return [...DEFAULT_BUDGETS];
  if (!Array.isArray(v)) {
    issues.error(path, 'must be a list', msg('engine.karpenterIssue.list'));
    return [...DEFAULT_BUDGETS];
  }
  const out: DisruptionBudget[] = [];
  v.forEach((raw, i) => {
    const p = `${path}[${i}]`;
    const b = asObj(raw, p, issues);
    checkKeys(b, ['nodes', 'schedule', 'duration', 'reasons'], p, issues);
    const rawNodes = b.nodes ?? '10%';
    const nodes = typeof rawNodes === 'string' || typeof rawNodes === 'number' ? String(rawNodes) : '';
    if (!BUDGET_NODES.test(nodes)) return issues.error(`${p}.nodes`, 'must be a count ("3") or a percentage ("10%")', msg('engine.karpenterIssue.budgetNodes'));
    const budget: DisruptionBudget = { nodes };
    if ((b.schedule === undefined) !== (b.duration === undefined)) {
      return issues.error(p, "'schedule' must be set with 'duration'", msg('engine.karpenterIssue.scheduleWithDuration'));
    }
    if (typeof b.schedule === 'string') budget.schedule = b.schedule;
    if (b.duration !== undefined) {
      const d = parseDurationSeconds(b.duration as string);
      if (d === undefined || d === null) return issues.error(`${p}.duration`, 'not a duration (e.g. 10m, 1h)', msg('engine.karpenterIssue.budgetDuration'));
      budget.durationSeconds = d;
    }
    if (b.reasons !== undefined) {
      const reasons = Array.isArray(b.reasons) ? (b.reasons as string[]) : [];
      const bad = reasons.filter((r) => !REASONS.includes(r as DisruptionReason));
      if (bad.length > 0) return issues.error(`${p}.reasons`, `must be among ${REASONS.join(', ')}`, msg('engine.karpenterIssue.reasons', { list: REASONS.join(', ') }));
      budget.reasons = reasons as DisruptionReason[];
    }
    out.push(budget);
  });
  return out;
}

function parseDurationField(
  v: unknown,
  path: string,
  fallback: number | null,
  issues: IssueCollector,
): number | null {
  if (v === undefined) return fallback;
  const d = parseDurationSeconds(v as string);
  if (d === undefined) {
    issues.error(path, 'not a duration (e.g. 30s, 720h) or "Never"', msg('engine.karpenterIssue.durationOrNever'));
    return fallback;
  }
  return d;
}

function terminationGracePeriod(v: unknown, issues: IssueCollector): { terminationGracePeriodSeconds?: number } {
  const path = 'spec.template.spec.terminationGracePeriod';
  if (v === undefined) return {};
  const seconds = parseDurationField(v, path, null, issues);
  if (seconds === null) {
    if (v === 'Never') issues.error(path, 'must be a duration such as 48h ("Never" is only valid for expireAfter)', msg('engine.karpenterIssue.neverOnlyExpire'));
    return {};
  }
  return { terminationGracePeriodSeconds: seconds };
}

/** karpenter.sh/v1 NodePool (v1beta1 accepted with the same spec layout). */
export function parseNodePool(doc: Obj): ParsedNodePool {
  const issues = new IssueCollector();
  const meta = asObj(doc.metadata, 'metadata', issues);
  const spec = asObj(doc.spec, 'spec', issues);
  checkKeys(spec, ['template', 'limits', 'weight', 'disruption', 'replicas'], 'spec', issues);
  const template = asObj(spec.template, 'spec.template', issues);
  const tmeta = asObj(template.metadata, 'spec.template.metadata', issues);
  const tspec = asObj(template.spec, 'spec.template.spec', issues);
  checkKeys(
    tspec,
    ['nodeClassRef', 'requirements', 'taints', 'startupTaints', 'expireAfter', 'terminationGracePeriod', 'kubelet'],
    'spec.template.spec',
    issues,
  );
  if (tspec.kubelet !== undefined) issues.notSimulated('spec.template.spec.kubelet', 'v1beta1 field: set kubelet on the EC2NodeClass in v1', msg('engine.notice.karpenterKubelet'));
  if (spec.replicas !== undefined) issues.notSimulated('spec.replicas', 'static NodePools are not simulated', msg('engine.notice.karpenterStatic'));
  const ref = asObj(tspec.nodeClassRef, 'spec.template.spec.nodeClassRef', issues);
  const disruption = asObj(spec.disruption, 'spec.disruption', issues);
  checkKeys(disruption, ['consolidationPolicy', 'consolidateAfter', 'budgets', 'expireAfter'], 'spec.disruption', issues);
  let policy = (disruption.consolidationPolicy as string | undefined) ?? DEFAULT_CONSOLIDATION_POLICY;
  if (policy === 'WhenUnderutilized') policy = 'WhenEmptyOrUnderutilized'; // v1beta1 spelling
  if (policy !== 'WhenEmpty' && policy !== 'WhenEmptyOrUnderutilized') {
    issues.error('spec.disruption.consolidationPolicy', 'must be WhenEmpty or WhenEmptyOrUnderutilized', msg('engine.karpenterIssue.consolidationPolicy'));
    policy = DEFAULT_CONSOLIDATION_POLICY;
  }
  const expireRaw = tspec.expireAfter ?? disruption.expireAfter; // v1beta1 kept it under disruption
  const weight = spec.weight;
  if (weight !== undefined && (typeof weight !== 'number' || weight < 1 || weight > 100)) {
    issues.error('spec.weight', 'must be an integer from 1 to 100', msg('engine.karpenterIssue.weight'));
  }
  const apiVersion = doc.apiVersion === 'karpenter.sh/v1beta1' ? 'karpenter.sh/v1beta1' : 'karpenter.sh/v1';
  const nodePool: NodePool = {
    name: typeof meta.name === 'string' ? meta.name : 'default',
    weight: typeof weight === 'number' ? weight : undefined,
    template: {
      labels: stringMap(tmeta.labels, 'spec.template.metadata.labels', issues),
      annotations: stringMap(tmeta.annotations, 'spec.template.metadata.annotations', issues),
      taints: parseTaints(tspec.taints, 'spec.template.spec.taints', issues),
      startupTaints: parseTaints(tspec.startupTaints, 'spec.template.spec.startupTaints', issues),
      requirements: withDefaultRequirements(
        parseRequirements(tspec.requirements, 'spec.template.spec.requirements', issues),
      ),
      expireAfterSeconds: parseDurationField(expireRaw, 'spec.template.spec.expireAfter', DEFAULT_EXPIRE_AFTER_SECONDS, issues),
      ...terminationGracePeriod(tspec.terminationGracePeriod, issues),
      nodeClassRef: {
        group: typeof ref.group === 'string' ? ref.group : 'karpenter.k8s.aws',
        kind: typeof ref.kind === 'string' ? ref.kind : 'EC2NodeClass',
        name: typeof ref.name === 'string' ? ref.name : 'default',
      },
    },
    limits: parseLimits(spec.limits, 'spec.limits', issues),
    disruption: {
      consolidationPolicy: policy as ConsolidationPolicy,
      consolidateAfterSeconds: parseDurationField(
        disruption.consolidateAfter,
        'spec.disruption.consolidateAfter',
        DEFAULT_CONSOLIDATE_AFTER_SECONDS,
        issues,
      ),
      budgets: parseBudgets(disruption.budgets, 'spec.disruption.budgets', issues),
    },
    sourceApiVersion: apiVersion,
  };
  return { nodePool, errors: issues.errors, notices: issues.notices };
}

const NODECLASS_NOT_SIMULATED = [
  'amiSelectorTerms',
  'subnetSelectorTerms',
  'securityGroupSelectorTerms',
  'capacityReservationSelectorTerms',
  'instanceProfile',
  'userData',
  'tags',
  'blockDeviceMappings',
  'metadataOptions',
  'detailedMonitoring',
  'associatePublicIPAddress',
  'instanceStorePolicy',
  'context',
  'role',
];

export interface ParsedNodeClass {
  nodeClass: EC2NodeClass;
  errors: ParseIssue[];
  notices: ParseIssue[];
}

/** karpenter.k8s.aws/v1 EC2NodeClass: only kubelet pod density changes the simulation. */
export function parseEC2NodeClass(doc: Obj): ParsedNodeClass {
  const issues = new IssueCollector();
  const meta = asObj(doc.metadata, 'metadata', issues);
  const spec = asObj(doc.spec, 'spec', issues);
  checkKeys(spec, ['amiFamily', 'kubelet', ...NODECLASS_NOT_SIMULATED], 'spec', issues);
  const notSimulated = NODECLASS_NOT_SIMULATED.filter((k) => spec[k] !== undefined).map((k) => `spec.${k}`);
  for (const p of notSimulated) issues.notSimulated(p);
  const kubeletRaw = asObj(spec.kubelet, 'spec.kubelet', issues);
  const kubelet: EC2NodeClass['kubelet'] = {};
  for (const [k, v] of Object.entries(kubeletRaw)) {
    if ((k === 'maxPods' || k === 'podsPerCore') && typeof v === 'number' && v >= 0) kubelet[k] = v;
    else if (k === 'maxPods' || k === 'podsPerCore') issues.error(`spec.kubelet.${k}`, 'must be a non-negative integer', msg('engine.karpenterIssue.nonNegativeInt'));
    else {
      issues.notSimulated(`spec.kubelet.${k}`);
      notSimulated.push(`spec.kubelet.${k}`);
    }
  }
  const amiFamily = typeof spec.amiFamily === 'string' ? spec.amiFamily : 'AL2023';
  return {
    nodeClass: {
      name: typeof meta.name === 'string' ? meta.name : 'default',
      amiFamily,
      role: typeof spec.role === 'string' ? spec.role : undefined,
      kubelet,
      notSimulated,
    },
    errors: issues.errors,
    notices: issues.notices,
  };
}
