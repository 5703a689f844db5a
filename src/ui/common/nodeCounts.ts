/**
 * One definition of "how many nodes" for every place that says it (status line, cost header,
 * charts, `kubectl get nodes`): a node counts once the kubelet registered it (as the trace's
 * `nodes.total` and `kubectl get nodes`); instances still booting are counted apart as launching;
 * ready means the kubelet reports Ready, cordoned and draining nodes included (the trace's `ready`).
 */
export interface NodeCounts {
  nodes: number;
  ready: number;
  launching: number;
}

export function emptyNodeCounts(): NodeCounts {
  return { nodes: 0, ready: 0, launching: 0 };
}

/** Adds one node, by its lifecycle state (Launching, Registered, Ready, Cordoned, Draining, …, Gone). */
export function countNode(counts: NodeCounts, state: string): void {
  if (state === 'Gone') return;
  if (state === 'Launching') {
    counts.launching++;
    return;
  }
  counts.nodes++;
  if (state === 'Ready' || state === 'Cordoned' || state === 'Draining') counts.ready++;
}
