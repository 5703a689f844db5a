import type { NodeEligibility } from './nodeEligibility';
import type { NodeScaleDownStatus } from './scaleDownStatus';
import type { CaNodeWhy } from './state';
import type { CaNode } from './types';

/**
 * A steady cluster gives every scan the same verdicts for most nodes (nodeEligibility.ts memoizes
 * them), and building the same status and why-panel entry for each of 180 nodes every scan was
 * most of the scale-down's cost once no node was a candidate. These keep the last scan's objects
 * and hand them back when what they were built from is the same object.
 *
 * Both rest on one rule: nothing writes to a status that is not a candidate's once it is built (the
 * simulation, the unneeded timers and the deletions write to candidates only, and a candidate's
 * status is built afresh every scan), and nothing writes to a why-panel entry. With verification on,
 * every reuse is compared with a fresh build, so a write that breaks the rule throws.
 */
let verifyReuse = false;

/** Tests turn this on: each reused status and why-panel entry is checked against a fresh one. */
export function verifyStatusReuse(on: boolean): void {
  verifyReuse = on;
}

export function statusReuseVerified(): boolean {
  return verifyReuse;
}

function mismatch(what: string, node: string): Error {
  return new Error(`${what} of ${node} reused, but it differs from a fresh build: something wrote to it`);
}

/** A node's scale-down status from its eligibility verdict (candidates and settled nodes alike). */
export function nodeStatus(n: CaNode, e: NodeEligibility): NodeScaleDownStatus {
  return {
    node: n.name,
    group: n.group,
    state: e.state,
    reason: e.el.reason,
    utilization: e.el.utilization,
    explanation: e.explanation,
  };
}

/**
 * The verdict and status of the last scan at each position in the node list (nodes keep their order
 * from scan to scan; a shifted list only misses). One table for the process: a verdict belongs to
 * one world's node, so another world's nodes miss it.
 */
const lastVerdicts: (NodeEligibility | undefined)[] = [];
const lastSettled: (NodeScaleDownStatus | undefined)[] = [];

/** The status of node `n` (at `at` in the node list) that its verdict `e` does not make a candidate. */
export function settledStatus(n: CaNode, e: NodeEligibility, at: number): NodeScaleDownStatus {
  const s = lastSettled[at];
  if (s !== undefined && lastVerdicts[at] === e && s.node === n.name && s.group === n.group) {
    if (verifyReuse) {
      const fresh = nodeStatus(n, e);
      if (s.state !== fresh.state || s.reason !== fresh.reason || s.utilization !== fresh.utilization || s.explanation !== fresh.explanation || Object.keys(s).length !== 6) {
        throw mismatch('scale-down status', n.name);
      }
    }
    return s;
  }
  const status = nodeStatus(n, e);
  lastVerdicts[at] = e;
  lastSettled[at] = status;
  return status;
}

function buildWhy(s: NodeScaleDownStatus): CaNodeWhy {
  return {
    node: s.node,
    group: s.group,
    state: s.state,
    utilization: s.utilization?.utilization,
    resource: s.utilization?.resourceName,
    explanation: s.explanation,
  };
}

/** The statuses each why-panel list was built from. */
const whySources = new WeakMap<readonly CaNodeWhy[], readonly NodeScaleDownStatus[]>();

/**
 * The why panel's entry for every status, taking `previous`'s entry where the status at that
 * position is the very one `previous` was built from (a restored checkpoint's list was not: it is
 * built afresh).
 */
export function whyNodes(previous: readonly CaNodeWhy[], statuses: readonly NodeScaleDownStatus[]): CaNodeWhy[] {
  const from = whySources.get(previous);
  // The very statuses of the last scan (a categorization taken over whole): the very same entries.
  if (from === statuses && !verifyReuse) return previous as CaNodeWhy[];
  const out: CaNodeWhy[] = [];
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i];
    if (from !== undefined && from[i] === s) {
      const w = previous[i];
      if (verifyReuse) {
        const fresh = buildWhy(s);
        if (w.node !== fresh.node || w.group !== fresh.group || w.state !== fresh.state || w.utilization !== fresh.utilization || w.resource !== fresh.resource || w.explanation !== fresh.explanation) {
          throw mismatch('why-panel entry', s.node);
        }
      }
      out.push(w);
      continue;
    }
    out.push(buildWhy(s));
  }
  whySources.set(out, statuses);
  return out;
}
