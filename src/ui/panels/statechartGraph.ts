import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { maxOf } from '../../sim/core/arrays';

export interface GraphState {
  id: string;
  label: string;
  final: boolean;
  x: number;
  y: number;
}
export interface GraphEdge {
  from: string;
  to: string;
  label: string;
}
export interface StatechartGraph {
  id: string;
  initial: string;
  states: GraphState[];
  edges: GraphEdge[];
  /** Transitions defined on the machine itself: taken from whatever state it is in. */
  global: GraphEdge[];
  width: number;
  height: number;
}

export const BOX = { w: 132, h: 26, gapX: 42, gapY: 14, maxRows: 5 };

function eventLabel(eventType: string): string {
  // xstate names delayed transitions "xstate.after.<delay>.<machine>.<state>".
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  return after ? `after ${after[1]}` : eventType;
}

function leafStates(node: AnyStateNode, out: AnyStateNode[]): void {
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length === 0) out.push(node);
  else for (const c of children) leafStates(c, out);
}

const idOf = (n: AnyStateNode) => n.path.join('.');

function transitionsOf(node: AnyStateNode, from: string, into: GraphEdge[]): void {
  for (const [eventType, defs] of node.transitions) {
    for (const d of defs) {
      for (const target of d.target ?? []) {
        const targets: AnyStateNode[] = [];
        leafStates(target, targets);
        // A compound target enters its initial child; draw the edge to the compound's first leaf.
        const to = targets[0] ? idOf(targets[0]) : idOf(target);
        into.push({ from, to, label: eventLabel(eventType) });
      }
    }
  }
}

function merge(edges: GraphEdge[]): GraphEdge[] {
  const by = new Map<string, GraphEdge>();
  for (const e of edges) {
    const key = `${e.from}→${e.to}`;
    const prev = by.get(key);
    if (!prev) by.set(key, { ...e });
    else if (!prev.label.split(', ').includes(e.label)) prev.label += `, ${e.label}`;
  }
  return [...by.values()];
}

/**
 * A machine's states and transitions read from its definition (never redrawn by hand), laid out
 * left to right by distance from the initial state; columns wrap after BOX.maxRows states.
 */
export function statechartGraph(machine: AnyStateMachine): StatechartGraph {
  const leaves: AnyStateNode[] = [];
  leafStates(machine.root, leaves);
  const edges: GraphEdge[] = [];
  const global: GraphEdge[] = [];
  const walk = (n: AnyStateNode) => {
    if (n !== machine.root) transitionsOf(n, idOf(n), edges);
    for (const c of Object.values(n.states) as AnyStateNode[]) walk(c);
  };
  walk(machine.root);
  transitionsOf(machine.root, '*', global);
  const initialLeaves: AnyStateNode[] = [];
  leafStates(machine.root.initial?.target?.[0] ?? leaves[0], initialLeaves);
  const initial = initialLeaves[0] ? idOf(initialLeaves[0]) : (leaves[0] ? idOf(leaves[0]) : '');

  // Breadth-first depth from the initial state; states reached only from elsewhere go last.
  const depth = new Map<string, number>([[initial, 0]]);
  const queue = [initial];
  const merged = merge(edges);
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const e of merged) {
      if (e.from === s && !depth.has(e.to)) {
        depth.set(e.to, (depth.get(s) ?? 0) + 1);
        queue.push(e.to);
      }
    }
  }
  const maxDepth = Math.max(0, maxOf(depth.values()));
  const columns: string[][] = [];
  for (const leaf of leaves) {
    const id = idOf(leaf);
    const d = depth.get(id) ?? maxDepth + 1;
    (columns[d] ??= []).push(id);
  }
  const wrapped: string[][] = [];
  for (const col of columns.filter(Boolean)) for (let i = 0; i < col.length; i += BOX.maxRows) wrapped.push(col.slice(i, i + BOX.maxRows));
  const states: GraphState[] = [];
  wrapped.forEach((col, ci) =>
    col.forEach((id, ri) => {
      const node = leaves.find((l) => idOf(l) === id)!;
      states.push({ id, label: id, final: node.type === 'final', x: 8 + ci * (BOX.w + BOX.gapX), y: 8 + ri * (BOX.h + BOX.gapY) });
    }),
  );
  const rows = Math.max(1, maxOf(wrapped.map((c) => c.length)));
  return {
    id: machine.id,
    initial,
    states,
    edges: merged,
    global: merge(global),
    width: 16 + wrapped.length * (BOX.w + BOX.gapX) - BOX.gapX,
    height: 16 + rows * (BOX.h + BOX.gapY) - BOX.gapY,
  };
}
