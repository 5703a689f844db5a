import { msg } from '../../core/message';
import { stringify } from 'yaml';
import { asObj, checkKeys, IssueCollector, parseLimits, parseRequirements, parseTaints, stringMap, type Obj, type ParseIssue } from './parseHelpers';
import { DEFAULT_BUDGETS } from './parse';
import {
  LABEL_ARCH,
  LABEL_CAPACITY_TYPE,
  LABEL_INSTANCE_CATEGORY,
  LABEL_INSTANCE_FAMILY,
  LABEL_INSTANCE_GENERATION,
  LABEL_INSTANCE_TYPE,
  LABEL_OS,
} from './requirements';
import type { EC2NodeClass, NodePool, NodeSelectorRequirement } from './types';
import { formatCpu, formatDuration, formatMemory } from './units';

/**
 * The seed's old API: karpenter.sh/v1alpha5 Provisioner and karpenter.k8s.aws/v1alpha1
 * AWSNodeTemplate (Karpenter ≤ v0.32). They are converted to the v1 objects the rest of the logic
 * uses, following the v1beta1/v1 migration guides, and a hint shows the v1 YAML to write instead.
 */

/**
 * v1alpha5's AWS defaulting webhook filled these in when a Provisioner left them out: on-demand,
 * amd64, linux, and (with no instance-type constraint) general-purpose c/m/r of generation > 2.
 */
export function v1alpha5DefaultRequirements(reqs: NodeSelectorRequirement[]): NodeSelectorRequirement[] {
  const has = (k: string) => reqs.some((r) => r.key === k);
  const out = [...reqs];
  if (!has(LABEL_CAPACITY_TYPE)) out.push({ key: LABEL_CAPACITY_TYPE, operator: 'In', values: ['on-demand'] });
  if (!has(LABEL_ARCH)) out.push({ key: LABEL_ARCH, operator: 'In', values: ['amd64'] });
  if (!has(LABEL_OS)) out.push({ key: LABEL_OS, operator: 'In', values: ['linux'] });
  if (![LABEL_INSTANCE_TYPE, LABEL_INSTANCE_FAMILY, LABEL_INSTANCE_CATEGORY].some(has)) {
    out.push({ key: LABEL_INSTANCE_CATEGORY, operator: 'In', values: ['c', 'm', 'r'] });
    if (!has(LABEL_INSTANCE_GENERATION)) out.push({ key: LABEL_INSTANCE_GENERATION, operator: 'Gt', values: ['2'] });
  }
  return out;
}

export interface ConvertedProvisioner {
  nodePool: NodePool;
  /** kubeletConfiguration moves to the EC2NodeClass in v1. */
  kubelet: EC2NodeClass['kubelet'];
  errors: ParseIssue[];
  notices: ParseIssue[];
  migrationHint: string;
}

const PROVISIONER_KEYS = [
  'requirements',
  'labels',
  'annotations',
  'taints',
  'startupTaints',
  'limits',
  'providerRef',
  'provider',
  'ttlSecondsAfterEmpty',
  'ttlSecondsUntilExpired',
  'consolidation',
  'weight',
  'kubeletConfiguration',
];

export function convertProvisioner(doc: Obj): ConvertedProvisioner {
  const issues = new IssueCollector();
  const meta = asObj(doc.metadata, 'metadata', issues);
  const spec = asObj(doc.spec, 'spec', issues);
  checkKeys(spec, PROVISIONER_KEYS, 'spec', issues);
  if (spec.provider !== undefined) issues.notSimulated('spec.provider', 'inline provider accepted, not simulated; use an EC2NodeClass', msg('engine.notice.karpenterProvider'));
  const limitsObj = asObj(spec.limits, 'spec.limits', issues);
  checkKeys(limitsObj, ['resources'], 'spec.limits', issues);
  const consolidation = asObj(spec.consolidation, 'spec.consolidation', issues);
  const ttlEmpty = spec.ttlSecondsAfterEmpty;
  const ttlExpired = spec.ttlSecondsUntilExpired;
  if (ttlEmpty !== undefined && typeof ttlEmpty !== 'number') issues.error('spec.ttlSecondsAfterEmpty', 'must be an integer', msg('engine.karpenterIssue.integer'));
  if (ttlExpired !== undefined && typeof ttlExpired !== 'number') issues.error('spec.ttlSecondsUntilExpired', 'must be an integer', msg('engine.karpenterIssue.integer'));
  if (consolidation.enabled === true && typeof ttlEmpty === 'number') {
    issues.error('spec', 'consolidation.enabled and ttlSecondsAfterEmpty are mutually exclusive', msg('engine.karpenterIssue.exclusive'));
  }
  const underutilized = consolidation.enabled === true;
  const kubeletRaw = asObj(spec.kubeletConfiguration, 'spec.kubeletConfiguration', issues);
  const kubelet: EC2NodeClass['kubelet'] = {};
  for (const [k, v] of Object.entries(kubeletRaw)) {
    if ((k === 'maxPods' || k === 'podsPerCore') && typeof v === 'number') kubelet[k] = v;
    else issues.notSimulated(`spec.kubeletConfiguration.${k}`);
  }
  const ref = asObj(spec.providerRef, 'spec.providerRef', issues);
  const name = typeof meta.name === 'string' ? meta.name : 'default';
  const nodePool: NodePool = {
    name,
    weight: typeof spec.weight === 'number' ? spec.weight : undefined,
    template: {
      labels: stringMap(spec.labels, 'spec.labels', issues),
      annotations: stringMap(spec.annotations, 'spec.annotations', issues),
      taints: parseTaints(spec.taints, 'spec.taints', issues),
      startupTaints: parseTaints(spec.startupTaints, 'spec.startupTaints', issues),
      requirements: v1alpha5DefaultRequirements(parseRequirements(spec.requirements, 'spec.requirements', issues)),
      expireAfterSeconds: typeof ttlExpired === 'number' ? ttlExpired : null,
      nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: typeof ref.name === 'string' ? ref.name : 'default' },
    },
    limits: parseLimits(limitsObj.resources, 'spec.limits.resources', issues),
    disruption: {
      consolidationPolicy: underutilized ? 'WhenEmptyOrUnderutilized' : 'WhenEmpty',
      // Without ttlSecondsAfterEmpty or consolidation, v1alpha5 never removed nodes: that is `Never`.
      consolidateAfterSeconds: underutilized ? 0 : typeof ttlEmpty === 'number' ? ttlEmpty : null,
      budgets: [...DEFAULT_BUDGETS],
    },
    sourceApiVersion: 'karpenter.sh/v1alpha5',
  };
  return {
    nodePool,
    kubelet,
    errors: issues.errors,
    notices: issues.notices,
    migrationHint: nodePoolMigrationHint(nodePool, kubelet),
  };
}

/** The v1 NodePool YAML equivalent to a converted Provisioner. */
export function nodePoolV1Manifest(np: NodePool): Obj {
  const disruption: Obj = {
    consolidationPolicy: np.disruption.consolidationPolicy,
    consolidateAfter: np.disruption.consolidateAfterSeconds === null ? 'Never' : formatDuration(np.disruption.consolidateAfterSeconds),
  };
  const limits: Obj = {};
  if (np.limits.cpuMillis !== undefined) limits.cpu = formatCpu(np.limits.cpuMillis);
  if (np.limits.memoryMiB !== undefined) limits.memory = formatMemory(np.limits.memoryMiB);
  const tspec: Obj = {
    nodeClassRef: np.template.nodeClassRef,
    requirements: np.template.requirements.map((r) =>
      r.operator === 'Exists' || r.operator === 'DoesNotExist' ? { key: r.key, operator: r.operator } : r,
    ),
    expireAfter: np.template.expireAfterSeconds === null ? 'Never' : formatDuration(np.template.expireAfterSeconds),
  };
  if (np.template.taints.length) tspec.taints = np.template.taints;
  if (np.template.startupTaints.length) tspec.startupTaints = np.template.startupTaints;
  const template: Obj = { spec: tspec };
  if (Object.keys(np.template.labels).length) template.metadata = { labels: np.template.labels };
  const spec: Obj = { template, disruption };
  if (Object.keys(limits).length) spec.limits = limits;
  if (np.weight !== undefined) spec.weight = np.weight;
  return { apiVersion: 'karpenter.sh/v1', kind: 'NodePool', metadata: { name: np.name }, spec };
}

function nodePoolMigrationHint(np: NodePool, kubelet: EC2NodeClass['kubelet']): string {
  const lines = [
    `# karpenter.sh/v1alpha5 Provisioner "${np.name}" was removed in Karpenter v1.`,
    '# The playground runs it as this karpenter.sh/v1 NodePool:',
  ];
  if (np.disruption.consolidationPolicy === 'WhenEmpty' && np.disruption.consolidateAfterSeconds !== null) {
    lines.push(`#   ttlSecondsAfterEmpty: ${np.disruption.consolidateAfterSeconds} → consolidationPolicy: WhenEmpty, consolidateAfter: ${formatDuration(np.disruption.consolidateAfterSeconds)}`);
  }
  if (np.disruption.consolidationPolicy === 'WhenEmptyOrUnderutilized') {
    lines.push('#   consolidation.enabled: true → consolidationPolicy: WhenEmptyOrUnderutilized');
  }
  lines.push('#   providerRef → template.spec.nodeClassRef; limits.resources → limits');
  if (Object.keys(kubelet).length) lines.push('#   kubeletConfiguration → EC2NodeClass spec.kubelet');
  return `${lines.join('\n')}\n${stringify(nodePoolV1Manifest(np))}`;
}

export interface ConvertedNodeTemplate {
  nodeClass: EC2NodeClass;
  errors: ParseIssue[];
  notices: ParseIssue[];
  migrationHint: string;
}

const NODE_TEMPLATE_KEYS = [
  'subnetSelector',
  'securityGroupSelector',
  'amiFamily',
  'amiSelector',
  'instanceProfile',
  'userData',
  'tags',
  'blockDeviceMappings',
  'metadataOptions',
  'detailedMonitoring',
  'context',
  'launchTemplate',
];

function selectorTerms(sel: unknown): Obj[] | undefined {
  return sel && typeof sel === 'object' ? [{ tags: sel }] : undefined;
}

/** karpenter.k8s.aws/v1alpha1 AWSNodeTemplate → EC2NodeClass (nothing in it changes scheduling). */
export function convertAWSNodeTemplate(doc: Obj, kubelet: EC2NodeClass['kubelet'] = {}): ConvertedNodeTemplate {
  const issues = new IssueCollector();
  const meta = asObj(doc.metadata, 'metadata', issues);
  const spec = asObj(doc.spec, 'spec', issues);
  checkKeys(spec, NODE_TEMPLATE_KEYS, 'spec', issues);
  const notSimulated = NODE_TEMPLATE_KEYS.filter((k) => spec[k] !== undefined).map((k) => `spec.${k}`);
  for (const p of notSimulated) issues.notSimulated(p);
  const name = typeof meta.name === 'string' ? meta.name : 'default';
  const amiFamily = typeof spec.amiFamily === 'string' ? spec.amiFamily : 'AL2';
  const v1Spec: Obj = {
    amiSelectorTerms: [{ alias: `${amiFamily.toLowerCase()}@latest` }],
    role: typeof spec.instanceProfile === 'string' ? undefined : 'KarpenterNodeRole-${CLUSTER_NAME}',
    instanceProfile: typeof spec.instanceProfile === 'string' ? spec.instanceProfile : undefined,
    subnetSelectorTerms: selectorTerms(spec.subnetSelector),
    securityGroupSelectorTerms: selectorTerms(spec.securityGroupSelector),
    kubelet: Object.keys(kubelet).length ? kubelet : undefined,
  };
  for (const k of Object.keys(v1Spec)) if (v1Spec[k] === undefined) delete v1Spec[k];
  const manifest = { apiVersion: 'karpenter.k8s.aws/v1', kind: 'EC2NodeClass', metadata: { name }, spec: v1Spec };
  const hint = [
    `# karpenter.k8s.aws/v1alpha1 AWSNodeTemplate "${name}" becomes a karpenter.k8s.aws/v1 EC2NodeClass:`,
    '#   subnetSelector/securityGroupSelector → *SelectorTerms; amiFamily → amiSelectorTerms alias; a node role is required',
    stringify(manifest),
  ].join('\n');
  return {
    nodeClass: { name, amiFamily, kubelet, notSimulated },
    errors: issues.errors,
    notices: issues.notices,
    migrationHint: hint,
  };
}
