import { describe, it, expect } from 'vitest';
import { cpaFromHelmValues, parseCpaConfigMapData, parseLadderParams, parseLinearParams } from './params';

describe('parseLinearParams (upstream TestControllerParser)', () => {
  it('defaults min 0 to 1 and flags false', () => {
    const r = parseLinearParams('{"coresPerReplica": 2, "min": 0}');
    expect(r.ok && r.params).toMatchObject({
      min: 1,
      max: 0,
      preventSinglePointFailure: false,
      includeUnschedulableNodes: false,
    });
  });
  it.each([
    [
      '{"nodesPerReplica": 1, "min": 100, "max": 50}',
      'max replicas count 50 should be greater than / equal to min replicas count 100',
    ],
    [
      '{"min": 1, "max": 100}',
      'should at least provide either CoresPerReplica or NodesPerReplica (Greater than 0)',
    ],
    ['{"nodesPerReplica": -20}', 'invalid negative value for nodesPerReplica: -20'],
    ['{"coresPerReplica": 1, "min": -1}', 'invalid negative value for min: -1'],
    [
      '{"coresPerReplica": 1, "min": 1.5}',
      'could not parse parameters (json: cannot unmarshal number 1.5 into Go struct field linearParams.min of type int)',
    ],
    [
      '{"coresPerReplica": "2"}',
      'could not parse parameters (json: cannot unmarshal string into Go struct field linearParams.coresPerReplica of type float64)',
    ],
  ])('%s is rejected', (json, error) => {
    const r = parseLinearParams(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(error);
  });
  it('rejects broken JSON', () => {
    const r = parseLinearParams('{"coresPerReplica": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^could not parse parameters/);
  });
  it('accepts fractional per-replica values and reports unknown keys', () => {
    const r = parseLinearParams({ nodesPerReplica: 2.5, replica: 3 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.params.nodesPerReplica).toBe(2.5);
      expect(r.notices.some((n) => n.includes('"replica"'))).toBe(true);
    }
  });
});

describe('parseLadderParams', () => {
  it('rejects malformed and negative entries', () => {
    const bad = parseLadderParams({ nodesToReplicas: [[1, 2, 3]] });
    expect(!bad.ok && bad.error).toBe('invalid element [1 2 3] in nodes_to_replicas_map');
    const neg = parseLadderParams({ coresToReplicas: [[-1, 2]] });
    expect(!neg.ok && neg.error).toBe('invalid negative values in entry [-1 2] in cores_to_replicas_map');
  });
});

describe('parseCpaConfigMapData', () => {
  it('requires exactly one known key', () => {
    expect(parseCpaConfigMapData({}).ok).toBe(false);
    const two = parseCpaConfigMapData({ linear: '{}', ladder: '{}' });
    expect(!two.ok && two.error).toMatch(/expected only one entry/);
    const other = parseCpaConfigMapData({ steps: '{}' });
    expect(!other.ok && other.error).toBe('not a supported control mode: steps');
  });
  it('parses the seed ladder', () => {
    const r = parseCpaConfigMapData({ ladder: '{"nodesToReplicas": [[1,1],[2,2],[3,3],[4,3],[5,5]]}' });
    expect(r.ok && r.params.mode).toBe('ladder');
  });
  it('prefixes controller errors like SyncConfig', () => {
    const r = parseCpaConfigMapData({ linear: '{"min": 1}' });
    expect(!r.ok && r.error).toMatch(/^error parsing linear params: should at least provide/);
  });
});

describe('cpaFromHelmValues', () => {
  it('turns chart values into ConfigMap data and flags', () => {
    const r = cpaFromHelmValues({
      config: {
        ladder: {
          nodesToReplicas: [
            [1, 1],
            [2, 2],
          ],
        },
      },
      options: {
        target: 'deployment/nginx-deployment',
        namespace: 'default',
        logLevel: 2,
        nodeLabels: { pool: 'a' },
      },
    });
    expect(JSON.parse(r.data.ladder)).toEqual({
      nodesToReplicas: [
        [1, 1],
        [2, 2],
      ],
    });
    expect(r.args).toEqual([
      '--target=deployment/nginx-deployment',
      '--namespace=default',
      '--v=2',
      '--nodelabels=pool=a',
    ]);
  });
});
