import { suggestions } from './suggest';
import { parseAws } from './commandLine/aws';
import { parseKubectl } from './commandLine/kubectl';
import { tokenize } from './commandLine/tokenize';
import { fail, type ParseOptions, type ParseResult } from './commandLine/types';

export type { ParseOptions, ParseResult } from './commandLine/types';

const TOOLS = ['kubectl', 'aws'];

/**
 * A command line as a person types it (kubectl …, aws autoscaling …) → the Command it stands for,
 * or the error the real tool would print. Never throws.
 */
export function parseCommandLine(line: string, options: ParseOptions = {}): ParseResult {
  try {
    // People paste lines from terminals and docs with the prompt still in front.
    const text = line.trim().replace(/^\$\s+/, '');
    const tokens = tokenize(text);
    if (!tokens.ok) return fail(`error: ${tokens.error}`);
    const [tool, ...rest] = tokens.words;
    if (tool === undefined) return fail('error: empty command');
    if (tool === 'kubectl') return parseKubectl(rest, text, options);
    if (tool === 'aws') return parseAws(rest, text);
    const near = suggestions(tool, TOOLS);
    const hint = near.length > 0 ? ` (did you mean "${near[0]}"?)` : '';
    return fail(`${tool}: command not found${hint}; the playground understands kubectl and aws autoscaling commands`);
  } catch (err) {
    return fail(`error: could not parse the command: ${err instanceof Error ? err.message : String(err)}`);
  }
}
