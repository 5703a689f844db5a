import { describe, expect, it } from 'vitest';
import { commandText } from './commandText';
import { parseCommandLine } from '../../scenario/commandLine';
import type { Command } from '../../sim/core/commands';

describe('commandText', () => {
  it('writes scale as kubectl scale, which parses back to the same command', () => {
    const c: Command = { type: 'scale', kind: 'deployment', name: 'web', namespace: 'default', replicas: 7 };
    const text = commandText(c);
    expect(text).toBe('kubectl scale --replicas=7 deployment/web');
    const parsed = parseCommandLine(text);
    expect(parsed.ok && parsed.command).toEqual(c);
  });
  it('writes node group bounds as aws update-auto-scaling-group, which parses back', () => {
    const c: Command = { type: 'updateAsg', name: 'ng1', minSize: 2, maxSize: 9 };
    const text = commandText(c);
    expect(text).toBe('aws autoscaling update-auto-scaling-group --auto-scaling-group-name ng1 --min-size 2 --max-size 9');
    const parsed = parseCommandLine(text);
    expect(parsed.ok && parsed.command).toEqual(c);
  });
  it('writes HPA bounds as a kubectl patch with only the fields that changed', () => {
    expect(commandText({ type: 'setHpaBounds', name: 'php-apache', namespace: 'default', max: 12 })).toBe(
      `kubectl patch hpa php-apache --type=merge -p '{"spec":{"maxReplicas":12}}'`,
    );
    expect(commandText({ type: 'setHpaBounds', name: 'h', namespace: 'default', targetCpu: 60 })).toContain('"averageUtilization":60');
  });
  it('writes load as rps or clients', () => {
    expect(commandText({ type: 'setLoad', target: 'php-apache', rps: 120 })).toBe('playground load php-apache --rps=120');
    expect(commandText({ type: 'setLoad', target: 'php-apache', clients: 4 })).toBe('playground load php-apache --clients=4');
  });
});
