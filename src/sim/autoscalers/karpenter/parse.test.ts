import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseKarpenterManifest } from './manifests';

function load(text: string) {
  const r = parseKarpenterManifest(parse(text));
  if (!r) throw new Error('not a Karpenter object');
  return r;
}

describe('NodePool v1', () => {
  it('fills real defaults', () => {
    const r = load(`
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: default}
spec:
  template:
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
`);
    if (r.kind !== 'NodePool') throw new Error();
    const np = r.nodePool;
    expect(r.errors).toEqual([]);
    expect(np.disruption).toEqual({ consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfterSeconds: 0, budgets: [{ nodes: '10%' }] });
    expect(np.template.expireAfterSeconds).toBe(720 * 3600);
    expect(np.weight).toBeUndefined();
    expect(np.template.requirements).toEqual([{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] }]);
  });

  it('reads requirements, limits, taints, budgets and Never', () => {
    const r = load(`
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: spot}
spec:
  weight: 50
  limits: {cpu: 1000, memory: 1000Gi, nvidia.com/gpu: 2}
  template:
    metadata: {labels: {team: a}}
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      expireAfter: Never
      taints: [{key: dedicated, value: x, effect: NoSchedule}]
      requirements:
        - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
        - {key: karpenter.k8s.aws/instance-generation, operator: Gt, values: ["2"]}
  disruption:
    consolidationPolicy: WhenEmpty
    consolidateAfter: 1m
    budgets:
      - {nodes: "20%", reasons: [Empty]}
      - {nodes: "0", schedule: "0 9 * * mon-fri", duration: 8h}
`);
    if (r.kind !== 'NodePool') throw new Error();
    const np = r.nodePool;
    expect(r.errors).toEqual([]);
    expect(np.weight).toBe(50);
    expect(np.limits).toEqual({ cpuMillis: 1_000_000, memoryMiB: 1_024_000 });
    expect(r.notices.map((n) => n.path)).toContain('spec.limits.nvidia.com/gpu');
    expect(np.template.expireAfterSeconds).toBeNull();
    expect(np.template.labels).toEqual({ team: 'a' });
    expect(np.template.taints).toEqual([{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }]);
    expect(np.template.requirements).toHaveLength(2);
    expect(np.disruption.consolidateAfterSeconds).toBe(60);
    expect(np.disruption.budgets[1]).toEqual({ nodes: '0', schedule: '0 9 * * mon-fri', durationSeconds: 28800 });
  });

  it('reports schema errors with field paths instead of ignoring them', () => {
    const r = load(`
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: bad}
spec:
  template:
    spec:
      requirement: []
      requirements: [{key: x, operator: Foo}]
  disruption:
    consolidationPolicy: Sometimes
    consolidateAfter: soon
    budgets: [{nodes: "110%"}, {nodes: "1", schedule: "@daily"}]
`);
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'spec.template.spec.requirement',
        'spec.template.spec.requirements[0].operator',
        'spec.disruption.consolidationPolicy',
        'spec.disruption.consolidateAfter',
        'spec.disruption.budgets[0].nodes',
        'spec.disruption.budgets[1]',
      ]),
    );
  });
});

describe('EC2NodeClass', () => {
  it('keeps kubelet pod density and lists what is not simulated', () => {
    const r = load(`
apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata: {name: default}
spec:
  amiSelectorTerms: [{alias: al2023@latest}]
  role: KarpenterNodeRole-demo
  subnetSelectorTerms: [{tags: {karpenter.sh/discovery: demo}}]
  kubelet: {maxPods: 110, podsPerCore: 10, systemReserved: {cpu: 100m}}
`);
    if (r.kind !== 'EC2NodeClass') throw new Error();
    expect(r.nodeClass.kubelet).toEqual({ maxPods: 110, podsPerCore: 10 });
    expect(r.nodeClass.notSimulated).toEqual(expect.arrayContaining(['spec.amiSelectorTerms', 'spec.subnetSelectorTerms', 'spec.kubelet.systemReserved']));
  });
});

describe('v1alpha5 Provisioner (the seed)', () => {
  const seed = `
apiVersion: karpenter.sh/v1alpha5
kind: Provisioner
metadata: {name: default}
spec:
  requirements:
    - key: karpenter.sh/capacity-type
      operator: In
      values: ["spot"]
  limits:
    resources:
      cpu: 1000
  providerRef:
    name: default
  ttlSecondsAfterEmpty: 30
`;
  it('converts ttlSecondsAfterEmpty to WhenEmpty + consolidateAfter and adds the old AWS defaults', () => {
    const r = load(seed);
    if (r.kind !== 'NodePool') throw new Error();
    expect(r.errors).toEqual([]);
    expect(r.nodePool.sourceApiVersion).toBe('karpenter.sh/v1alpha5');
    expect(r.nodePool.disruption.consolidationPolicy).toBe('WhenEmpty');
    expect(r.nodePool.disruption.consolidateAfterSeconds).toBe(30);
    expect(r.nodePool.template.expireAfterSeconds).toBeNull();
    expect(r.nodePool.limits.cpuMillis).toBe(1_000_000);
    expect(r.nodePool.template.nodeClassRef.name).toBe('default');
    const keys = r.nodePool.template.requirements.map((q) => `${q.key} ${q.operator} ${q.values?.join(',')}`);
    expect(keys).toEqual([
      'karpenter.sh/capacity-type In spot',
      'kubernetes.io/arch In amd64',
      'kubernetes.io/os In linux',
      'karpenter.k8s.aws/instance-category In c,m,r',
      'karpenter.k8s.aws/instance-generation Gt 2',
    ]);
    expect(r.migrationHint).toContain('ttlSecondsAfterEmpty: 30 → consolidationPolicy: WhenEmpty, consolidateAfter: 30s');
    expect(r.migrationHint).toContain('apiVersion: karpenter.sh/v1');
    expect(r.migrationHint).toContain('consolidateAfter: 30s');
  });

  it('converts consolidation.enabled and ttlSecondsUntilExpired', () => {
    const r = load(`
apiVersion: karpenter.sh/v1alpha5
kind: Provisioner
metadata: {name: default}
spec:
  consolidation: {enabled: true}
  ttlSecondsUntilExpired: 2592000
  labels: {type: karpenter}
  limits: {resources: {cpu: 1000, memory: 1000Gi}}
  providerRef: {name: default}
  requirements:
    - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand]}
    - {key: node.kubernetes.io/instance-type, operator: In, values: [c5.large, m5.large, m5.xlarge]}
`);
    if (r.kind !== 'NodePool') throw new Error();
    expect(r.nodePool.disruption).toMatchObject({ consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfterSeconds: 0 });
    expect(r.nodePool.template.expireAfterSeconds).toBe(2592000);
    expect(r.nodePool.template.labels).toEqual({ type: 'karpenter' });
    expect(r.nodePool.template.requirements.some((q) => q.key === 'karpenter.k8s.aws/instance-category')).toBe(false);
    expect(r.migrationHint).toContain('consolidation.enabled: true → consolidationPolicy: WhenEmptyOrUnderutilized');
    expect(r.migrationHint).toContain('expireAfter: 720h');
  });

  it('never removes nodes when neither TTL nor consolidation is set', () => {
    const r = load(`{apiVersion: karpenter.sh/v1alpha5, kind: Provisioner, metadata: {name: p}, spec: {}}`);
    if (r.kind !== 'NodePool') throw new Error();
    expect(r.nodePool.disruption.consolidateAfterSeconds).toBeNull();
  });

  it('converts an AWSNodeTemplate to an EC2NodeClass with a hint', () => {
    const r = load(`
apiVersion: karpenter.k8s.aws/v1alpha1
kind: AWSNodeTemplate
metadata: {name: default}
spec:
  subnetSelector: {karpenter.sh/discovery: myeks2}
  securityGroupSelector: {karpenter.sh/discovery: myeks2}
`);
    if (r.kind !== 'EC2NodeClass') throw new Error();
    expect(r.nodeClass.amiFamily).toBe('AL2');
    expect(r.migrationHint).toContain('kind: EC2NodeClass');
    expect(r.migrationHint).toContain('subnetSelectorTerms');
    expect(r.migrationHint).toContain('alias: al2@latest');
  });

  it('ignores documents that are not Karpenter kinds', () => {
    expect(parseKarpenterManifest({ apiVersion: 'apps/v1', kind: 'Deployment' })).toBeUndefined();
  });
});
