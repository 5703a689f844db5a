import type { Position } from './yamlSource';
import { msg, type Message } from '../sim/core/message';

/**
 * Limits checked before the YAML parser runs: its composer recurses once per nesting level, so
 * a few thousand levels overflow the stack (issue #12: "internal error … at 1:1"), and a huge file
 * freezes the tab. Real manifests nest about 15 deep and weigh kilobytes.
 */
export const YAML_LIMITS = {
  /** Characters in one scenario file (or one embedded manifest stream). */
  maxChars: 2_000_000,
  /** Nesting of maps and lists, block or flow. */
  maxDepth: 100,
} as const;

export interface YamlLimitProblem {
  position: Position;
  message: string;
  msg: Message;
}

/**
 * The first place the text goes past a limit, or null. Depth is counted lexically: flow brackets
 * outside quotes and comments, block indentation levels, and compact "- - x" sequence markers.
 * It overestimates only for odd block scalars, which stay far below 100 levels in practice.
 */
export function checkYamlLimits(text: string): YamlLimitProblem | null {
  if (text.length > YAML_LIMITS.maxChars) {
    const [chars, max] = [text.length, YAML_LIMITS.maxChars].map((n) => n.toLocaleString('en-US'));
    return {
      position: { line: 1, col: 1 },
      message: `the file is ${chars} characters; the playground reads at most ${max}`,
      msg: msg('scenarioError.tooBig', { chars, max }),
    };
  }
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let i = 0;
  const tooDeep = (col: number, depth: number): YamlLimitProblem => ({
    position: { line, col },
    message: `YAML nesting is ${depth} levels deep here; the playground reads at most ${YAML_LIMITS.maxDepth}`,
    msg: msg('scenarioError.tooDeep', { depth, max: YAML_LIMITS.maxDepth }),
  });
  while (i < text.length) {
    const end = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    const blank = j === end || text[j] === '#' || text[j] === '\r';
    if (!blank && flow === 0) {
      const indent = j - i;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // "- - - x": every marker opens a list one level deeper on the same line.
      let k = j;
      if (indents.length > YAML_LIMITS.maxDepth) return tooDeep(j + 1 - i, indents.length);
      while (text[k] === '-' && (text[k + 1] === ' ' || k + 1 === end)) {
        indents.push(indent + (k - j) + 1);
        if (indents.length > YAML_LIMITS.maxDepth) return tooDeep(k + 1 - i, indents.length);
        k += 2;
        while (text[k] === ' ') k++;
      }
    }
    let quote: string | null = null;
    for (let k = j; k < end; k++) {
      const c = text[k];
      if (quote) {
        if (c === quote) quote = null;
        else if (c === '\\' && quote === '"') k++;
        continue;
      }
      if (c === '#' && (k === j || text[k - 1] === ' ')) break;
      if ((c === '"' || c === "'") && (k === j || /[\s[{,:]/.test(text[k - 1]))) quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > YAML_LIMITS.maxDepth) return tooDeep(k + 1 - i, indents.length + flow);
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    i = end + 1;
    line++;
  }
  return null;
}
