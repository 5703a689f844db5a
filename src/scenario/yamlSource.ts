import { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { PathSegment, ScenarioError } from './errors';
import { formatPath } from './errors';
import { checkYamlLimits } from './yamlLimits';
import { yamlErrorOffset, yamlProblem, yamlValueProblem, type ParserProblem } from './parserErrors';
import { msg, type Message } from '../sim/core/message';

export interface Position {
  line: number;
  col: number;
}

/** Maps a position inside a parsed text to the position in the file the person edits. */
export type PositionMap = (p: Position) => Position;

/** One YAML document of a stream, with its plain value and a way to find where any path sits. */
export interface YamlDocument {
  file: string;
  /** 0-based index of the document in its stream. */
  index: number;
  value: unknown;
  /** Where the document starts (its first node). */
  start: Position;
  /** The key (atKey) or value node at `path`; the nearest existing ancestor when the path is missing. */
  locate(path: readonly PathSegment[], atKey?: boolean): Position;
  /** Error at `path`, positioned; `msg` is its Message when the wording is the playground's own. */
  errorAt(path: readonly PathSegment[], message: string, atKey?: boolean, msg?: Message): ScenarioError;
  /** The raw YAML node at a path (for block-string manifests inside the timeline). */
  nodeAt(path: readonly PathSegment[]): Node | undefined;
}

export interface YamlStream {
  docs: YamlDocument[];
  errors: ScenarioError[];
}

interface Found {
  value?: Node;
  key?: Node;
  /** The deepest node reached when the path does not exist in full. */
  nearest: Node;
  nearestKey?: Node;
  complete: boolean;
}

function walk(doc: Document, root: Node, path: readonly PathSegment[]): Found {
  let node: Node = root;
  let key: Node | undefined;
  for (const seg of path) {
    if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? node;
    let next: { value?: Node; key?: Node } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (pair && isPair(pair)) next = { key: pair.key as Node, value: isNode(pair.value) ? pair.value : undefined };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (isNode(item)) next = { value: item };
    }
    if (!next) return { nearest: node, nearestKey: key, complete: false };
    if (!next.value) return { key: next.key, nearest: node, nearestKey: next.key, complete: true };
    node = next.value;
    key = next.key;
  }
  return { value: node, key, nearest: node, nearestKey: key, complete: true };
}

/** The YAML parser's failure, said with why and its own words quoted (the place is the error's FILE:LINE:COL). */
function parserError(p: ParserProblem): { message: string; msg: Message } {
  return { message: `YAML: ${p.whyText} (the parser says: "${p.detail}")`, msg: msg('scenarioError.yaml', { why: p.why, detail: p.detail }) };
}

export function parseYamlStream(text: string, file: string, mapPosition: PositionMap = (p) => p): YamlStream {
  // Size and depth first: past them the parser would freeze the tab or overflow the stack.
  const limit = checkYamlLimits(text);
  if (limit) return { docs: [], errors: [{ file, ...mapPosition(limit.position), path: '', message: limit.message, msg: limit.msg }] };
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const docsIn = Array.isArray(parsed) ? parsed : [];
  const at = (offset: number): Position => mapPosition(lineCounter.linePos(offset));
  const errors: ScenarioError[] = [];
  const docs: YamlDocument[] = [];
  docsIn.forEach((doc, index) => {
    for (const e of [...doc.errors]) {
      const pos = at(yamlErrorOffset(text, e));
      errors.push({ file, ...pos, path: '', ...parserError(yamlProblem(e, pos)) });
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      const pos = at(doc.contents.range?.[0] ?? 0);
      errors.push({ file, ...pos, path: '', ...parserError(yamlValueProblem(err, pos)) });
      return;
    }
    const root = doc.contents;
    const startOf = (n: Node | undefined): Position | undefined => (n?.range ? at(n.range[0]) : undefined);
    const start = startOf(root) ?? { line: 1, col: 1 };
    const locate = (path: readonly PathSegment[], atKey = false): Position => {
      const f = walk(doc, root, path);
      if (f.complete) return (atKey ? startOf(f.key) : startOf(f.value ?? f.key)) ?? startOf(f.key) ?? start;
      return startOf(f.nearestKey) ?? startOf(f.nearest) ?? start;
    };
    docs.push({
      file,
      index,
      value,
      start,
      locate,
      errorAt: (path, message, atKey, m) => ({ file, ...locate(path, atKey), path: formatPath(path), message, ...(m ? { msg: m } : {}) }),
      nodeAt: (path) => {
        const f = walk(doc, root, path);
        return f.complete ? f.value : undefined;
      },
    });
  });
  return { docs, errors };
}

/**
 * A view of `parent` rooted at `prefix`: an inline manifest inside the timeline keeps pointing at
 * the real lines of the scenario file, while its paths read as the manifest's own.
 */
export function subDocument(parent: YamlDocument, prefix: readonly PathSegment[], value: unknown): YamlDocument {
  const locate = (path: readonly PathSegment[], atKey?: boolean) => parent.locate([...prefix, ...path], atKey);
  return {
    file: parent.file,
    index: parent.index,
    value,
    start: parent.locate(prefix),
    locate,
    errorAt: (path, message, atKey, m) => ({ file: parent.file, ...locate(path, atKey), path: formatPath(path), message, ...(m ? { msg: m } : {}) }),
    nodeAt: (path) => parent.nodeAt([...prefix, ...path]),
  };
}

/**
 * Parse a YAML string that sits inside another file as a scalar (e.g. `apply: |` in the timeline),
 * mapping positions back to the outer file: a block scalar's content starts on the line after its
 * indicator, indented by the block's indentation.
 */
export function parseEmbeddedStream(outerText: string, outer: YamlDocument, path: readonly PathSegment[], inner: string): YamlStream {
  const node = outer.nodeAt(path);
  const indicator = outer.locate(path);
  const isBlock = isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
  if (!isBlock) return parseYamlStream(inner, outer.file, (p) => ({ line: indicator.line + p.line - 1, col: p.line === 1 ? indicator.col + p.col : p.col }));
  const lines = outerText.split('\n');
  const firstContent = lines.slice(indicator.line).find((l) => l.trim() !== '') ?? '';
  const indent = firstContent.length - firstContent.trimStart().length;
  return parseYamlStream(inner, outer.file, (p) => ({ line: indicator.line + p.line, col: p.col + indent }));
}
