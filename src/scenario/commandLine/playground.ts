import { fail, ok, type ParseResult } from './types';

const USAGE = 'usage: playground fault node/NAME | playground interrupt-spot node/NAME';

/**
 * The playground's own failure-injection commands, in the form the UI's buttons record them:
 * make a node stop responding, or send a spot interruption to a node by name. No real CLI does
 * either (for instance IDs, `aws ec2 terminate-instances` and `send-spot-instance-interruptions` exist).
 * The load slider's `playground load …` is still carried by share links as a structured command.
 */
export function parsePlayground(words: readonly string[]): ParseResult {
  const [verb, ...rest] = words;
  if (verb !== 'fault' && verb !== 'interrupt-spot') {
    if (verb === 'load') return fail('error: "playground load" is what the Load slider records; set load with the slider (it has no typed form yet)');
    return fail(verb === undefined ? USAGE : `error: unknown playground command "${verb}"\n${USAGE}`);
  }
  if (rest.length !== 1 || rest[0] === '') return fail(`error: playground ${verb} takes one node: playground ${verb} node/NAME`);
  const node = rest[0].replace(/^(node|nodes|no)\//, '');
  return ok(verb === 'fault' ? { type: 'killNode', node } : { type: 'interruptSpot', node });
}
