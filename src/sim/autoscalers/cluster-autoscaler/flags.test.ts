import { describe, it, expect } from 'vitest';
import { DEFAULT_CA_OPTIONS, parseCaFlags } from './flags';
import { discoverNodeGroups } from './discovery';
import type { AutoScalingGroup } from '../../cloud/asg';

/** The seed's cluster-autoscaler-autodiscover.yaml command. */
const seedCommand = [
  './cluster-autoscaler',
  '--v=4',
  '--stderrthreshold=info',
  '--cloud-provider=aws',
  '--skip-nodes-with-local-storage=false',
  '--expander=least-waste',
  '--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/eksworkshop',
  '--balance-similar-node-groups',
  '--skip-nodes-with-system-pods=false',
];

describe('parseCaFlags', () => {
  it('parses the seed command with FIDELITY defaults for the rest', () => {
    const r = parseCaFlags(seedCommand);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.notices).toEqual(['--stderrthreshold=info: accepted, not simulated']);
    expect(r.options).toMatchObject({
      verbosity: 4,
      skipNodesWithLocalStorage: false,
      skipNodesWithSystemPods: false,
      balanceSimilarNodeGroups: true,
      expanders: ['least-waste'],
      scanIntervalSeconds: 10,
      scaleDownUnneededTimeSeconds: 600,
      scaleDownDelayAfterAddSeconds: 600,
      maxNodeProvisionTimeSeconds: 900,
      scaleDownUtilizationThreshold: 0.5,
    });
    expect(r.options.autoDiscovery).toEqual([
      {
        tags: [
          { key: 'k8s.io/cluster-autoscaler/enabled' },
          { key: 'k8s.io/cluster-autoscaler/eksworkshop' },
        ],
      },
    ]);
  });

  it('reads --nodes, durations, comma expander lists and space-separated values', () => {
    const r = parseCaFlags([
      '--nodes=3:6:ng1',
      '--nodes',
      '1:10:ng2',
      '--scale-down-unneeded-time=1m30s',
      '--scale-down-delay-after-add',
      '2m',
      '--scale-down-utilization-threshold=0.7',
      '--expander=priority,least-waste',
      '--max-nodes-total=8',
      '--scan-interval=10s',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.options.nodeGroups).toEqual([
      { minSize: 3, maxSize: 6, name: 'ng1' },
      { minSize: 1, maxSize: 10, name: 'ng2' },
    ]);
    expect(r.options.scaleDownUnneededTimeSeconds).toBe(90);
    expect(r.options.scaleDownDelayAfterAddSeconds).toBe(120);
    expect(r.options.scaleDownUtilizationThreshold).toBe(0.7);
    expect(r.options.expanders).toEqual(['priority', 'least-waste']);
    expect(r.options.maxNodesTotal).toBe(8);
  });

  it('warns on unknown flags and reports bad values', () => {
    const r = parseCaFlags([
      '--nodes=3:6:ng1',
      '--scale-down-unneded-time=5m',
      '--scan-interval=ten',
      '--expander=cheapest',
      '--nodes=5:2:x',
    ]);
    expect(r.warnings[0]).toMatch(/^unknown flag: --scale-down-unneded-time/);
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/--scan-interval: invalid duration "ten"/);
    expect(r.errors[1]).toMatch(/unknown expander "cheapest"/);
  });

  it('warns when no node groups are configured and does not mutate defaults', () => {
    const r = parseCaFlags(['--nodes=1:2:a']);
    expect(DEFAULT_CA_OPTIONS.nodeGroups).toEqual([]);
    expect(parseCaFlags([]).warnings[0]).toMatch(/no node groups/);
    expect(r.options.nodeGroups).toHaveLength(1);
  });
});

describe('discoverNodeGroups', () => {
  const asg = (name: string, tags: Record<string, string>): AutoScalingGroup => ({
    name,
    minSize: 3,
    maxSize: 6,
    desiredCapacity: 3,
    instanceTypes: ['t3.medium'],
    tags,
  });
  const asgs = [
    asg('eks-ng1', {
      'k8s.io/cluster-autoscaler/enabled': 'true',
      'k8s.io/cluster-autoscaler/eksworkshop': 'owned',
    }),
    asg('eks-other', { 'k8s.io/cluster-autoscaler/enabled': 'true' }),
  ];
  it('matches every tag of the auto-discovery spec, any value', () => {
    const r = discoverNodeGroups(parseCaFlags(seedCommand).options, asgs);
    expect(r.groups.map((g) => g.asg.name)).toEqual(['eks-ng1']);
    expect(r.groups[0]).toMatchObject({ minSize: 3, maxSize: 6, source: 'auto-discovery' });
  });
  it('uses the --nodes limits and warns on missing groups', () => {
    const r = discoverNodeGroups(parseCaFlags(['--nodes=1:4:eks-other', '--nodes=1:4:nope']).options, asgs);
    expect(r.groups).toMatchObject([{ minSize: 1, maxSize: 4, source: 'nodes-flag' }]);
    expect(r.warnings[0]).toMatch(/nope: no such Auto Scaling group/);
  });
  it('matches key=value tags exactly', () => {
    const r = discoverNodeGroups(
      parseCaFlags(['--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/eksworkshop=shared'])
        .options,
      asgs,
    );
    expect(r.groups).toEqual([]);
    expect(r.warnings).toHaveLength(1);
  });
});
