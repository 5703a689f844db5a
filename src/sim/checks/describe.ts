import { msg, type Message } from '../core/message';
import { formatDuration } from '../../scenario/duration';
import type { Check, CompareOp } from './types';

/** Comparison signs read the same in English and Korean, so they are not translated. */
const SIGN: Record<CompareOp, string> = { '>=': '≥', '<=': '≤', '=': '=', '!=': '≠', '>': '>', '<': '<' };

const compare = (subject: Message, op: CompareOp, value: string | number): Message => msg('engine.check.describe.compare', { subject, op: SIGN[op], value });

/** "subject (filter, filter)", or the subject alone when nothing narrows it. */
function filtered(subject: Message, filters: Message[]): Message {
  return filters.length === 0 ? subject : msg('engine.check.describe.filtered', { subject, filters });
}

const filter = (name: string, value: string): Message => msg(`engine.check.filter.${name}`, { value });

/** "ns/name" only outside the default namespace, as kubectl users write it. */
const qualified = (name: string, namespace?: string) => (namespace === undefined || namespace === 'default' ? name : `${namespace}/${name}`);

/** A quantity as a manifest writes it: the VPA check's value is in millicores or MiB. */
const quantity = (resource: 'cpu' | 'memory', v: number) => (resource === 'cpu' ? `${v}m` : `${v}Mi`);

const dollars = (v: number) => `$${v}`;

/**
 * What a lesson step waits for, in words (the panel's "Check: …"): one message per check kind,
 * built from the check's definition alone, so the panel can show it before anything is evaluated.
 */
export function describeCheck(check: Check): Message {
  switch (check.type) {
    case 'hpa':
      return compare(msg('engine.check.describe.hpa', { name: check.name, field: msg(`engine.check.field.hpa.${check.field}`) }), check.op, check.value);
    case 'deployment':
      return compare(msg('engine.check.describe.deployment', { name: qualified(check.name, check.namespace), field: msg(`engine.check.field.deployment.${check.field}`) }), check.op, check.value);
    case 'nodes': {
      const filters: Message[] = [];
      if (check.nodeGroup !== undefined) filters.push(filter('nodeGroup', check.nodeGroup));
      if (check.nodePool !== undefined) filters.push(filter('nodePool', check.nodePool));
      if (check.capacityType !== undefined) filters.push(filter('plain', check.capacityType));
      if (check.instanceType !== undefined) filters.push(filter('plain', check.instanceType));
      return compare(filtered(msg(check.ready ? 'engine.check.describe.nodesReady' : 'engine.check.describe.nodes'), filters), check.op, check.value);
    }
    case 'pods': {
      const filters: Message[] = [];
      if (check.deployment !== undefined) filters.push(filter('deployment', check.deployment));
      if (check.namespace !== undefined) filters.push(filter('namespace', check.namespace));
      return compare(filtered(msg('engine.check.describe.pods', { phase: check.phase }), filters), check.op, check.value);
    }
    case 'event': {
      const filters: Message[] = [];
      if (check.kind !== undefined || check.name !== undefined) filters.push(filter('object', [check.kind, check.name].filter((x) => x !== undefined).join('/')));
      if (check.namespace !== undefined) filters.push(filter('namespace', check.namespace));
      if (check.eventType !== undefined) filters.push(filter('eventType', check.eventType));
      if (check.message !== undefined) filters.push(filter('message', check.message));
      return filtered(msg('engine.check.describe.event', { reason: check.reason }), filters);
    }
    case 'nodeClaim': {
      const filters: Message[] = [];
      if (check.nodePool !== undefined) filters.push(filter('nodePool', check.nodePool));
      if (check.capacityType !== undefined) filters.push(filter('plain', check.capacityType));
      if (check.instanceType !== undefined) filters.push(filter('plain', check.instanceType));
      if (check.registered) filters.push(msg('engine.check.filter.registered'));
      return compare(filtered(msg('engine.check.describe.nodeClaims'), filters), check.op, check.value);
    }
    case 'vpa':
      return compare(
        msg('engine.check.describe.vpa', { name: check.name, bound: msg(`engine.check.field.vpa.${check.bound}`), resource: msg(`engine.check.field.vpa.${check.resource}`) }),
        check.op,
        quantity(check.resource, check.value),
      );
    case 'scaledObject':
      return msg(check.active ? 'engine.check.describe.scaledObjectActive' : 'engine.check.describe.scaledObjectInactive', { name: check.name });
    case 'queue':
      return compare(msg('engine.check.describe.queue', { name: check.name, field: msg(`engine.check.field.queue.${check.field}`) }), check.op, check.value);
    case 'cost':
      return compare(msg('engine.check.describe.cost'), check.op, dollars(check.value));
    case 'time':
      return compare(msg('engine.check.describe.time'), check.op, formatDuration(check.value));
    case 'elapsed':
      return compare(msg('engine.check.describe.elapsed'), check.op, formatDuration(check.value));
    case 'all':
      return msg('engine.check.describe.all', { checks: check.checks.map(describeCheck) });
    case 'any':
      return msg('engine.check.describe.any', { checks: check.checks.map(describeCheck) });
    case 'not':
      return msg('engine.check.describe.not', { check: describeCheck(check.check) });
  }
}
