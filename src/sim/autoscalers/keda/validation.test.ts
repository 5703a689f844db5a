import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../scenario/loadScenario';
import { formatError } from '../../../scenario/errors';
import { VALID, positionOf } from '../../../scenario/testFixtures';
import { createWorld } from '../../bootstrap';
import { applyCommand } from '../../commands/apply';
import { deployment, scenario } from '../../testing/fixtures';
import { parse } from 'yaml';
import type { ManifestDoc } from '../../core/commands';

/**
 * Issue #12 item 4 for KEDA: ScaledObjects were checked only when applied, so a bad one in a
 * scenario file surfaced as apply output with no location. Rules from kedacore/keda
 * apis/keda/v1alpha1/scaledobject_types.go (CRD markers: Minimum, MinItems, the min ≤ max CEL rule),
 * apis/keda/v1alpha1/scaledobject_webhook.go (verifyReplicaCount → CheckReplicaCountBoundsAreValid,
 * verifyFallback → CheckFallbackValid, verifyTriggers → ValidateTriggers, verifyName),
 * pkg/scaling/scalers_builder.go ("no scaler found for type"), pkg/scalers/cron_scaler.go
 * (cronMetadata.Validate) and pkg/scalers/scalersconfig/typed_config.go (number parameters).
 */
const so = (spec: string, name = 'php-apache') => `${VALID}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: ${name}}
spec:
${spec}`;

const CRON = `  triggers:
  - type: cron
    metadata: {timezone: Asia/Seoul, start: "0 * * * *", end: "30 * * * *", desiredReplicas: "3"}
`;

function errorsOf(text: string): string[] {
  const r = loadScenario(text, 'k.yaml');
  return r.ok ? [] : r.errors.map(formatError);
}

/** The same ScaledObject through `kubectl apply` in a running world. */
function applyOutput(text: string): string {
  const docs = text.split('\n---\n');
  const doc = parse(docs[docs.length - 1]) as ManifestDoc;
  const world = createWorld(scenario(), [deployment('php-apache', 1, '200m', '64Mi')]);
  return applyCommand(world, { type: 'apply', manifests: [doc] }).output;
}

describe('ScaledObject validation at scenario load', () => {
  it('accepts a valid cron ScaledObject', () => {
    expect(errorsOf(so(`  scaleTargetRef: {name: php-apache}\n  minReplicaCount: 0\n  maxReplicaCount: 5\n${CRON}`))).toEqual([]);
  });

  it('minReplicaCount above maxReplicaCount is refused where it stands, and apply says the same', () => {
    const text = so(`  scaleTargetRef: {name: php-apache}\n  minReplicaCount: 6\n  maxReplicaCount: 2\n${CRON}`);
    const at = positionOf(text, 'minReplicaCount: 6');
    const message = 'spec.minReplicaCount: Invalid value: 6: minReplicaCount must be less than or equal to maxReplicaCount';
    expect(errorsOf(text)).toContain(`k.yaml:${at.line}:${at.col + 'minReplicaCount: '.length}: ${message}`);
    expect(applyOutput(text)).toContain(`The ScaledObject "php-apache" is invalid: ${message}`);
  });

  it('negative counts, pollingInterval 0 and a missing scaleTargetRef.name', () => {
    const e = errorsOf(so(`  scaleTargetRef: {kind: Deployment}\n  minReplicaCount: -1\n  pollingInterval: 0\n  cooldownPeriod: -5\n${CRON}`)).join('\n');
    expect(e).toMatch(/k\.yaml:\d+:\d+: spec\.scaleTargetRef\.name: Required value/);
    expect(e).toMatch(/spec\.minReplicaCount: Invalid value: -1: spec\.minReplicaCount in body should be greater than or equal to 0/);
    expect(e).toMatch(/spec\.pollingInterval: Invalid value: 0: .* greater than or equal to 1/);
    expect(e).toMatch(/spec\.cooldownPeriod: Invalid value: -5: /);
  });

  it('idleReplicaCount must be below minReplicaCount (webhook)', () => {
    const text = so(`  scaleTargetRef: {name: php-apache}\n  idleReplicaCount: 2\n  minReplicaCount: 2\n  maxReplicaCount: 5\n${CRON}`);
    const at = positionOf(text, 'idleReplicaCount: 2');
    const message = 'admission webhook "vscaledobject.kb.io" denied the request: IdleReplicaCount=2 must be less than MinReplicaCount=2';
    expect(errorsOf(text)).toContain(`k.yaml:${at.line}:${at.col + 'idleReplicaCount: '.length}: spec.idleReplicaCount: ${message}`);
    expect(applyOutput(text)).toContain(message);
  });

  it('an unknown trigger type is refused; a real but unsimulated one is a notice', () => {
    const text = so(`  scaleTargetRef: {name: php-apache}\n  triggers:\n  - type: cronn\n    metadata: {}\n`);
    const at = positionOf(text, 'type: cronn');
    expect(errorsOf(text)).toContain(`k.yaml:${at.line}:${at.col + 'type: '.length}: spec.triggers[0].type: no scaler found for type: cronn`);
    expect(applyOutput(text)).toContain('no scaler found for type: cronn');
    const kafka = loadScenario(so(`  scaleTargetRef: {name: php-apache}\n  triggers:\n  - type: kafka\n    metadata: {topic: t}\n`), 'k.yaml');
    expect(kafka.ok).toBe(true);
    if (kafka.ok) expect(kafka.notices.join('\n')).toMatch(/k\.yaml:\d+:\d+: ScaledObject\/php-apache: spec\.triggers\[0\]\.type: scaler kafka is not simulated/);
  });

  it('cron metadata: missing timezone, a bad expression, missing desiredReplicas, start = end', () => {
    const cron = (md: string) => errorsOf(so(`  scaleTargetRef: {name: php-apache}\n  triggers:\n  - type: cron\n    metadata: {${md}}\n`)).join('\n');
    expect(cron('start: "0 * * * *", end: "30 * * * *", desiredReplicas: "3"')).toMatch(/spec\.triggers\[0\]\.metadata: error parsing cron metadata: no timezone specified/);
    expect(cron('timezone: UTC, start: "61 * * * *", end: "30 * * * *", desiredReplicas: "3"')).toMatch(/spec\.triggers\[0\]\.metadata\.start: error parsing cron metadata: error parsing start schedule/);
    expect(cron('timezone: Mars/Olympus, start: "0 * * * *", end: "30 * * * *", desiredReplicas: "3"')).toMatch(/metadata\.timezone: error parsing cron metadata: unable to load timezone/);
    expect(cron('timezone: UTC, start: "0 * * * *", end: "30 * * * *"')).toMatch(/spec\.triggers\[0\]\.metadata: error parsing cron metadata: no desiredReplicas specified/);
    expect(cron('timezone: UTC, start: "0 * * * *", end: "0 * * * *", desiredReplicas: "3"')).toMatch(/start and end can not have exactly same time input/);
    // map[string]string in the CRD: an unquoted number is refused by the schema.
    expect(cron('timezone: UTC, start: "0 * * * *", end: "30 * * * *", desiredReplicas: 3')).toMatch(/metadata\.desiredReplicas: Invalid value: "integer": .* must be of type string/);
  });

  it('number parameters the scalers parse (sqs queueLength int64, prometheus threshold float64, cpu value)', () => {
    const one = (trigger: string) => errorsOf(so(`  scaleTargetRef: {name: php-apache}\n  minReplicaCount: 1\n  triggers:\n  - ${trigger}\n`)).join('\n');
    expect(one('type: aws-sqs-queue\n    metadata: {queueURL: "https://sqs/1/orders", queueLength: "five"}')).toMatch(
      /spec\.triggers\[0\]\.metadata\.queueLength: error parsing aws-sqs-queue metadata: unable to set param "queueLength" value "five": unable to unmarshal to field type int64/,
    );
    expect(one('type: aws-sqs-queue\n    metadata: {queueURL: "https://sqs/1/orders", queueLength: "2.5"}')).toMatch(/field type int64/);
    expect(one('type: prometheus\n    metadata: {serverAddress: "http://p", query: "up"}')).toMatch(/missing required parameter "threshold"/);
    expect(one('type: prometheus\n    metadata: {serverAddress: "http://p", query: "up", threshold: "1e2", activationThreshold: "x"}')).toMatch(/"activationThreshold" value "x"/);
    expect(one('type: cpu\n    metricType: Utilization\n    metadata: {value: "50%"}')).toMatch(/metadata\.value: error parsing cpu metadata/);
    expect(one('type: aws-sqs-queue\n    metadata: {queueURL: "https://sqs/1/orders", queueLength: "7"}')).toBe('');
  });

  it('fallback: failureThreshold < 0, only cpu/memory triggers; duplicate trigger names', () => {
    const e = errorsOf(so(`  scaleTargetRef: {name: php-apache}\n  minReplicaCount: 1\n  fallback: {failureThreshold: -1, replicas: 2}\n${CRON}`)).join('\n');
    expect(e).toMatch(/spec\.fallback\.failureThreshold: Invalid value: -1: spec\.fallback\.failureThreshold in body should be greater than or equal to 0/);
    const cpuOnly = errorsOf(so(`  scaleTargetRef: {name: php-apache}\n  minReplicaCount: 1\n  fallback: {failureThreshold: 3, replicas: 2}\n  triggers:\n  - type: cpu\n    metricType: Utilization\n    metadata: {value: "50"}\n`)).join('\n');
    expect(cpuOnly).toMatch(/spec\.fallback: admission webhook "vscaledobject.kb.io" denied the request: at least one trigger \(that is not cpu or memory\)/);
    const dup = errorsOf(so(`  scaleTargetRef: {name: php-apache}\n  triggers:\n  - {type: cron, name: a, metadata: {timezone: UTC, start: "0 * * * *", end: "5 * * * *", desiredReplicas: "1"}}\n  - {type: cron, name: a, metadata: {timezone: UTC, start: "10 * * * *", end: "15 * * * *", desiredReplicas: "1"}}\n`)).join('\n');
    expect(dup).toMatch(/spec\.triggers\[1\]\.name: .*triggerName "a" is defined multiple times/);
  });

  it('a name too long for the label value (verifyName)', () => {
    expect(errorsOf(so(`  scaleTargetRef: {name: php-apache}\n${CRON}`, 'x'.repeat(64))).join('\n')).toMatch(/metadata\.name: .*is 64 characters long; must be no more than 63/);
    expect(errorsOf(so(`  scaleTargetRef: {name: php-apache}\n${CRON}`, 'x'.repeat(60))).join('\n')).toMatch(/HPA name "keda-hpa-x+" derived from scaledobject/);
  });

  it('TriggerAuthentication: provider enum and required secretTargetRef fields', () => {
    const ta = `${VALID}---
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata: {name: auth}
spec:
  podIdentity: {provider: aws-iam}
  secretTargetRef:
  - {parameter: password, name: s}
`;
    const e = errorsOf(ta).join('\n');
    expect(e).toMatch(/spec\.podIdentity\.provider: Unsupported value: "aws-iam"/);
    expect(e).toMatch(/spec\.secretTargetRef\[0\]\.key: Required value/);
  });

  it('every example with a ScaledObject still loads', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../../examples/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      if (!text.includes('ScaledObject')) continue;
      const r = loadScenario(text, f);
      expect(r.ok ? [] : r.errors.map(formatError), f).toEqual([]);
    }
  });
});
