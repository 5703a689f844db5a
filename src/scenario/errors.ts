import { msg, type Message } from '../sim/core/message';

/** A problem in a scenario file, pointing at the exact key or value (1-based line and column). */
export interface ScenarioError {
  file: string;
  line: number;
  col: number;
  /** Field path inside the document, e.g. "spec.nodeGroups[0].maxSize"; "" for the document itself. */
  path: string;
  /** English, as the CLI prints it. */
  message: string;
  /**
   * The same sentence as a locale key (scenarioError.*, parserError.*) for the page to show in the
   * reader's language, when it is the playground's own. Absent when the message is worded as the
   * API server or kubectl word theirs (`Invalid value: …`, `error: unknown flag`): those stay as written.
   */
  msg?: Message;
}

/** "FILE:LINE:COL: path: message", the shape compilers and kubectl users read at a glance. */
export function formatError(e: ScenarioError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
}

/**
 * formatError as a Message: the place in the reader's language ("FILE:LINE:COL" in English, "FILE
 * N번째 줄 M열" in Korean) and the playground's own words translated; a message worded as the API
 * server's or kubectl's is shown as written. English renders exactly as formatError.
 */
export function scenarioErrorMessage(e: ScenarioError): Message {
  const what = e.msg ?? msg('scenarioNote.verbatim', { text: e.message });
  const where = { file: e.file, line: e.line, col: e.col };
  return e.path ? msg('scenarioError.atPath', { ...where, path: e.path, what }) : msg('scenarioError.at', { ...where, what });
}

export type PathSegment = string | number;

/** ["spec", "containers", 0, "ports"] → "spec.containers[0].ports" (the notation kubectl's errors use). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** A validation finding before it has a position: the path is resolved against the YAML later. */
export interface PathProblem {
  path: PathSegment[];
  message: string;
  /** The playground's own wording as a Message (see ScenarioError.msg). */
  msg?: Message;
  /** Point at the key rather than the value (unknown fields: the key is what is wrong). */
  atKey?: boolean;
}
