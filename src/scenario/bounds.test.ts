import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './commandLine';
import { loadScenario } from './loadScenario';
import { formatError } from './errors';
import { VALID, positionOf } from './testFixtures';

/** Issue #12 item 2: replicas, kubectl integer flags and ASG sizes had no upper bound. */
describe('kubectl integer flags and replica counts', () => {
  it('says "value out of range" as pflag does past Go int', () => {
    const r = parseCommandLine('kubectl scale deployment a --replicas 99999999999999999999');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.split('\n')[0]).toBe('error: invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range');
  });
  it('refuses a replica count past int32', () => {
    const r = parseCommandLine('kubectl scale deployment a --replicas=3000000000');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('error: --replicas=3000000000 is out of range: spec.replicas is an int32 (at most 2147483647)');
  });
  it('refuses replicas past the playground capacity, naming it', () => {
    const r = parseCommandLine('kubectl scale deployment a --replicas=1000000');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('error: --replicas=1000000 is more than the playground simulates (at most 150,000 pods)');
    expect(parseCommandLine('kubectl scale deployment a --replicas=150000').ok).toBe(true);
  });
  it('autoscale --max is an int32 flag', () => {
    const r = parseCommandLine('kubectl autoscale deployment a --max=2147483648');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/invalid argument "2147483648" for "--max" flag: .*value out of range/);
  });
});

describe('ASG sizes', () => {
  it('the AutoScaling API refuses sizes past its Integer', () => {
    const r = parseCommandLine('aws autoscaling set-desired-capacity --auto-scaling-group-name ng1 --desired-capacity 99999999999');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe("An error occurred (ValidationError) when calling the SetDesiredCapacity operation: 1 validation error detected: Value '99999999999' at 'desiredCapacity' failed to satisfy constraint: Member must have value less than or equal to 2147483647");
  });
  it('desiredCapacity 1e9 is past the playground capacity', () => {
    const r = parseCommandLine('aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --desired-capacity 1000000000');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/--desired-capacity=1000000000 is more than the playground simulates \(at most 5,000 nodes\)/);
  });
});

describe('scenario files within capacity', () => {
  it('a node group larger than 5,000 nodes is a located error', () => {
    const text = VALID.replace(/maxSize: \d+/, 'maxSize: 1000000000');
    expect(text).not.toBe(VALID);
    const r = loadScenario(text, 's.yaml');
    expect(r.ok).toBe(false);
    const at = positionOf(text, '1000000000');
    if (!r.ok) expect(formatError(r.errors[0])).toBe(`s.yaml:${at.line}:${at.col}: spec.nodeGroups[0].maxSize: Invalid value: 1000000000: more nodes than the playground simulates (at most 5,000)`);
  });
  it('a Deployment with more replicas than 150,000 pods is a located error', () => {
    const text = VALID.replace('spec:\n  selector:', 'spec:\n  replicas: 1000000\n  selector:');
    expect(text).not.toBe(VALID);
    const r = loadScenario(text, 's.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatError).join('\n')).toMatch(/s\.yaml:\d+:\d+: spec\.replicas: Invalid value: 1000000: more replicas than the playground simulates \(at most 150,000 pods\)/);
  });
  it('a duration past the horizon is a located error', () => {
    const text = VALID.replace('duration: 20m', 'duration: 1000h');
    const r = loadScenario(text, 's.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map(formatError).join('\n')).toMatch(/spec\.duration: longer than the playground simulates \(at most 168h\)/);
  });
});
