/** A problem in a scenario file, pointing at the exact key or value (1-based line and column). */
export interface ScenarioError {
  file: string;
  line: number;
  col: number;
  /** Field path inside the document, e.g. "spec.nodeGroups[0].maxSize"; "" for the document itself. */
  path: string;
  message: string;
}

/** "FILE:LINE:COL: path: message", the shape compilers and kubectl users read at a glance. */
export function formatError(e: ScenarioError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
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
  /** Point at the key rather than the value (unknown fields: the key is what is wrong). */
  atKey?: boolean;
}
