import type { Command } from '../../sim/core/commands';
import { suggestions } from '../suggest';
import { msg } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';
import { parseAwsEc2 } from './awsEc2';
import { INT32_MAX } from '../../sim/core/limits';
import { ownEntry } from '../../sim/core/ownKey';

/** AWS CLI global options (those taking a value, then switches). */
const GLOBAL_VALUE = new Set(['--region', '--profile', '--output', '--query', '--endpoint-url', '--cli-read-timeout', '--cli-connect-timeout', '--color', '--ca-bundle']);
const GLOBAL_SWITCH = new Set(['--no-cli-pager', '--debug', '--no-paginate', '--no-verify-ssl', '--no-sign-request', '--cli-auto-prompt', '--no-cli-auto-prompt']);

interface OperationSpec {
  required: string[];
  ints: string[];
  strings: string[];
  switches: string[];
  /** Real parameters of the operation that the playground does not model. */
  notSimulated: string[];
  build(values: Map<string, string>, words: readonly string[], line: string): Command;
}

const AUTOSCALING: Record<string, OperationSpec> = {
  'update-auto-scaling-group': {
    required: ['--auto-scaling-group-name'],
    ints: ['--min-size', '--max-size', '--desired-capacity'],
    strings: ['--auto-scaling-group-name'],
    switches: [],
    notSimulated: ['--launch-template', '--launch-configuration-name', '--mixed-instances-policy', '--vpc-zone-identifier', '--default-cooldown', '--health-check-type', '--health-check-grace-period', '--availability-zones', '--capacity-rebalance', '--new-instances-protected-from-scale-in', '--no-new-instances-protected-from-scale-in', '--termination-policies', '--max-instance-lifetime'],
    build: (v) => {
      const cmd: Command = { type: 'updateAsg', name: v.get('--auto-scaling-group-name') ?? '' };
      if (v.has('--min-size')) cmd.minSize = Number(v.get('--min-size'));
      if (v.has('--max-size')) cmd.maxSize = Number(v.get('--max-size'));
      if (v.has('--desired-capacity')) cmd.desiredCapacity = Number(v.get('--desired-capacity'));
      return cmd;
    },
  },
  'set-desired-capacity': {
    required: ['--auto-scaling-group-name', '--desired-capacity'],
    ints: ['--desired-capacity'],
    strings: ['--auto-scaling-group-name'],
    switches: ['--honor-cooldown', '--no-honor-cooldown'],
    notSimulated: [],
    build: (v) => ({ type: 'updateAsg', name: v.get('--auto-scaling-group-name') ?? '', desiredCapacity: Number(v.get('--desired-capacity')) }),
  },
  'describe-auto-scaling-groups': {
    required: [],
    ints: ['--max-items', '--page-size', '--max-records'],
    strings: ['--auto-scaling-group-names', '--filters', '--starting-token'],
    switches: [],
    notSimulated: [],
    build: (_v, words, line) => ({ type: 'view', line, args: ['aws', ...words] }),
  },
};

const SERVICES = ['autoscaling', 'ec2', 'eks', 'iam', 'sts', 'cloudformation', 's3', 'sqs', 'configure'];

/** `aws autoscaling …`: the AWS CLI's own argument errors, then the Command. */
export function parseAws(words: readonly string[], line: string): ParseResult {
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const name = w.split('=')[0];
    if (GLOBAL_SWITCH.has(w)) continue;
    if (GLOBAL_VALUE.has(name)) {
      if (!w.includes('=')) i++;
      continue;
    }
    rest.push(w);
  }
  const [service, operation, ...params] = rest;
  if (service === undefined) return fail('aws: error: the following arguments are required: command');
  if (service === 'ec2') return parseAwsEc2(operation, params);
  if (service !== 'autoscaling') {
    if (SERVICES.includes(service)) {
      const supported = `aws autoscaling ${Object.keys(AUTOSCALING).join(' | ')}, aws ec2 terminate-instances | send-spot-instance-interruptions`;
      return fail(`aws: "${service}" is not simulated in the playground; supported: ${supported}`, msg('cmd.aws.serviceNotSimulated', { service, supported }));
    }
    return fail(`aws: error: argument command: Invalid choice: '${service}' (the playground supports: autoscaling, ec2)`, msg('cmd.aws.invalidService', { service }));
  }
  if (operation === undefined) return fail('aws: error: the following arguments are required: operation');
  const spec = ownEntry(AUTOSCALING, operation);
  if (!spec) {
    const near = suggestions(operation, Object.keys(AUTOSCALING), 3);
    // With suggestions this is the AWS CLI's own text; without, the playground names what it supports.
    if (near.length > 0) return fail(`aws: error: argument operation: Invalid choice\n\nInvalid choice: '${operation}', maybe you meant:\n\n${near.map((n) => `  * ${n}`).join('\n')}`);
    const supported = Object.keys(AUTOSCALING).join(', ');
    return fail(`aws: error: argument operation: Invalid choice; supported: ${supported}`, msg('cmd.aws.invalidOperation', { supported }));
  }
  const values = new Map<string, string>();
  const unknown: string[] = [];
  for (let i = 0; i < params.length; i++) {
    const w = params[i];
    const eq = w.indexOf('=');
    const name = w.startsWith('--') && eq > 0 ? w.slice(0, eq) : w;
    if (spec.switches.includes(name)) continue;
    if (spec.notSimulated.includes(name)) {
      return fail(`aws: ${name} is valid but not simulated by the playground; only --min-size, --max-size and --desired-capacity change a node group`, msg('cmd.aws.paramNotSimulated', { name }));
    }
    if (!spec.ints.includes(name) && !spec.strings.includes(name)) {
      unknown.push(w);
      continue;
    }
    let value: string | undefined;
    if (eq > 0 && w.startsWith('--')) value = w.slice(eq + 1);
    else if (i + 1 < params.length && !params[i + 1].startsWith('--')) value = params[++i];
    if (value === undefined) return fail(`aws: error: argument ${name}: expected one argument`);
    if (spec.ints.includes(name) && !/^-?\d+$/.test(value)) return fail(`aws: error: argument ${name}: invalid int value: '${value}'`);
    // The AutoScaling API's sizes are Integer (int32); past it the service refuses the request.
    if (spec.ints.includes(name) && BigInt(value) > BigInt(INT32_MAX)) {
      const field = name.slice(2).replace(/-(\w)/g, (_m: string, c: string) => c.toUpperCase());
      return fail(`An error occurred (ValidationError) when calling the ${operation.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')} operation: 1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${INT32_MAX}`);
    }
    values.set(name, value);
  }
  if (unknown.length > 0) return fail(`Unknown options: ${unknown.join(', ')}`);
  const missing = spec.required.filter((r) => !values.has(r));
  if (missing.length > 0) return fail(`aws: error: the following arguments are required: ${missing.join(', ')}`);
  return ok(spec.build(values, rest, line));
}
