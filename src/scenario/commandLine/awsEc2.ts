import type { Command } from '../../sim/core/commands';
import { suggestions } from '../suggest';
import { msg } from '../../sim/core/message';
import { fail, ok, type ParseResult } from './types';
import { pushAll } from '../../sim/core/arrays';
import { ownEntry } from '../../sim/core/ownKey';

/**
 * `aws ec2 terminate-instances --instance-ids i-… [i-…]`, and the playground's own
 * `aws ec2 send-spot-instance-interruptions --instance-ids i-…`: AWS has no EC2 API for a spot
 * interruption (AWS FIS's `aws:ec2:send-spot-instance-interruptions` action sends one), so this
 * form, named after that action, is a playground extension.
 */
const OPERATIONS: Record<string, (ids: string[]) => Command> = {
  'terminate-instances': (ids) => ({ type: 'terminateInstances', instanceIds: ids }),
  'send-spot-instance-interruptions': (ids) => ({ type: 'sendSpotInterruption', instanceIds: ids }),
  'send-spot-interruption': (ids) => ({ type: 'sendSpotInterruption', instanceIds: ids }),
};

const REAL_BUT_NOT_SIMULATED = ['describe-instances', 'stop-instances', 'start-instances', 'reboot-instances', 'run-instances', 'describe-spot-price-history', 'describe-instance-types'];

export function parseAwsEc2(operation: string | undefined, params: readonly string[]): ParseResult {
  if (operation === undefined) return fail('aws: error: the following arguments are required: operation');
  const build = ownEntry(OPERATIONS, operation);
  if (!build) {
    if (REAL_BUT_NOT_SIMULATED.includes(operation)) {
      return fail(`aws: "ec2 ${operation}" is not simulated in the playground; supported: aws ec2 terminate-instances | send-spot-instance-interruptions`, msg('cmd.aws.ec2NotSimulated', { operation }));
    }
    const near = suggestions(operation, Object.keys(OPERATIONS), 3);
    // With suggestions this is the AWS CLI's own text; without, the playground names what it supports.
    if (near.length > 0) return fail(`aws: error: argument operation: Invalid choice\n\nInvalid choice: '${operation}', maybe you meant:\n\n${near.map((n) => `  * ${n}`).join('\n')}`);
    const supported = Object.keys(OPERATIONS).join(', ');
    return fail(`aws: error: argument operation: Invalid choice; the playground supports: ${supported}`, msg('cmd.aws.invalidEc2Operation', { supported }));
  }
  const ids: string[] = [];
  const unknown: string[] = [];
  let seen = false;
  for (let i = 0; i < params.length; i++) {
    const w = params[i];
    const eq = w.indexOf('=');
    const name = w.startsWith('--') && eq > 0 ? w.slice(0, eq) : w;
    if (name === '--instance-ids' || name === '--instance-id') {
      seen = true;
      if (eq > 0) pushAll(ids, w.slice(eq + 1).split(','));
      while (i + 1 < params.length && !params[i + 1].startsWith('--')) ids.push(params[++i]);
      continue;
    }
    if (name === '--dry-run') return fail('aws: --dry-run is valid but not simulated by the playground', msg('cmd.aws.dryRun'));
    if (name === '--no-dry-run' || name === '--force' || name === '--no-force' || name === '--skip-os-shutdown' || name === '--no-skip-os-shutdown') continue;
    unknown.push(w);
  }
  if (unknown.length > 0) return fail(`Unknown options: ${unknown.join(', ')}`);
  const list = ids.map((id) => id.trim()).filter((id) => id !== '');
  if (!seen) return fail('aws: error: the following arguments are required: --instance-ids');
  if (list.length === 0) return fail('aws: error: argument --instance-ids: expected at least one argument');
  return ok(build(list));
}
