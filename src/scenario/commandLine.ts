import { suggestions } from './suggest';
import { validateCommand } from './commandSchema';
import { commandCheckEnglish, commandProblemMessage } from './commandChecks';
import { parseAws } from './commandLine/aws';
import { parseKubectl } from './commandLine/kubectl';
import { parseKrr } from './commandLine/krr';
import { parsePlayground } from './commandLine/playground';
import { tokenize } from './commandLine/tokenize';
import { fail, type ParseOptions, type ParseResult } from './commandLine/types';
import { msg } from '../sim/core/message';

export type { ParseOptions, ParseResult } from './commandLine/types';

const TOOLS = ['kubectl', 'aws', 'krr', 'python', 'playground'];
const PYTHONS = new Set(['python', 'python3']);

/**
 * A command line as a person types it (kubectl …, aws autoscaling|ec2 …, krr simple, and the
 * playground's own `playground …`) → the Command it stands for, or the error the real tool would
 * print. Never throws.
 */
export function parseCommandLine(line: string, options: ParseOptions = {}): ParseResult {
  const parsed = parseLine(line, options);
  if (!parsed.ok) return parsed;
  // The same door as a share link's commands: every command the line stands for passes its schema.
  for (const command of parsed.commands) {
    const checked = validateCommand(command);
    if (!checked.ok) {
      // Typed at a prompt, the field is named as it was typed (--replicas=…), in the reader's language.
      if (!checked.problem) return fail(`error: ${checked.error}`, msg('cmd.error', { error: checked.msg }));
      const why = commandProblemMessage(checked.problem);
      return fail(`error: ${commandCheckEnglish(why)}`, msg('cmd.error', { error: why }));
    }
  }
  return parsed;
}

function parseLine(line: string, options: ParseOptions): ParseResult {
  try {
    // People paste lines from terminals and docs with the prompt still in front.
    const text = line.trim().replace(/^\$\s+/, '');
    const tokens = tokenize(text);
    if (!tokens.ok) return fail(`error: ${tokens.error}`, tokens.msg && msg('cmd.error', { error: tokens.msg }));
    const [tool, ...rest] = tokens.words;
    if (tool === undefined) return fail('error: empty command', msg('cmd.empty'));
    if (tool === 'kubectl') return parseKubectl(rest, text, options);
    if (tool === 'aws') return parseAws(rest, text);
    if (tool === 'krr' || tool === 'krr.py' || tool === './krr.py') return parseKrr(rest, text);
    if (PYTHONS.has(tool)) {
      if (rest[0]?.endsWith('krr.py')) return parseKrr(rest.slice(1), text);
      return fail(`${tool}: the playground runs no Python scripts other than KRR (python krr.py simple)`, msg('cmd.python', { tool }));
    }
    if (tool === 'playground') return parsePlayground(rest);
    const near = suggestions(tool, TOOLS);
    if (near.length > 0) {
      return fail(
        `${tool}: command not found (did you mean "${near[0]}"?); the playground understands kubectl, aws (autoscaling, ec2), krr and playground commands`,
        msg('cmd.notFoundNear', { tool, near: near[0] }),
      );
    }
    return fail(`${tool}: command not found; the playground understands kubectl, aws (autoscaling, ec2), krr and playground commands`, msg('cmd.notFound', { tool }));
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return fail(`error: could not parse the command: ${error}`, msg('cmd.crashed', { error }));
  }
}
