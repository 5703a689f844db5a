import { describe, it, expect } from 'vitest';
import { parseCpaFlags } from './flags';

describe('parseCpaFlags', () => {
  it("parses the seed's container command", () => {
    const r = parseCpaFlags([
      '/cluster-proportional-autoscaler',
      '--namespace=default',
      '--configmap=nginx-autoscaler',
      '--target=deployment/nginx-deployment',
      '--logtostderr=true',
      '--v=2',
      '--poll-period-seconds',
      '15',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.options).toMatchObject({
      namespace: 'default',
      configMap: 'nginx-autoscaler',
      targets: [{ kind: 'Deployment', name: 'nginx-deployment' }],
      pollPeriodSeconds: 15,
      verbosity: 2,
    });
    expect(r.notices.some((n) => n.includes('--logtostderr'))).toBe(true);
  });
  it('defaults poll period to 10s and accepts several targets and default params', () => {
    const r = parseCpaFlags([
      '--configmap=dns',
      '--target=deployment/coredns,replicaset/x',
      '--default-params={"linear":{"coresPerReplica":256,"nodesPerReplica":16}}',
      '--nodelabels=pool=a,arch=amd64',
    ]);
    expect(r.options.pollPeriodSeconds).toBe(10);
    expect(r.options.targets).toHaveLength(2);
    expect(JSON.parse(r.options.defaultParams!.linear)).toEqual({
      coresPerReplica: 256,
      nodesPerReplica: 16,
    });
    expect(r.options.nodeLabels).toEqual({ pool: 'a', arch: 'amd64' });
  });
  it('warns on unknown flags and errors on missing required ones', () => {
    const r = parseCpaFlags(['--configmap=x', '--taget=deployment/y']);
    expect(r.warnings[0]).toMatch(/unknown flag: --taget/);
    expect(r.errors).toContain('--target parameter cannot be empty');
  });
  it('rejects bad targets and numbers', () => {
    const r = parseCpaFlags(['--configmap=x', '--target=pod/y', '--poll-period-seconds=abc']);
    expect(r.errors.some((e) => e.startsWith('target format error'))).toBe(true);
    expect(r.errors.some((e) => e.includes('--poll-period-seconds'))).toBe(true);
  });
});
