import { create } from 'zustand';
import { hashParam } from '../app/share/hashParams';

/**
 * How the node grid is filtered, sorted and grouped (kube-ops-view's `#q=` filter and grouping,
 * eks-node-viewer's `--node-sort`), and which extra label columns the node table shows
 * (`--extra-labels`). The filter and the grid's sort and grouping travel in the share link
 * (`q=`, `sort=`, `group=`): they say what the sender was looking at.
 */
export type NodeSort = 'age' | 'name' | 'cpu' | 'memory' | 'utilization' | 'price' | 'instanceType';
export const NODE_SORTS: NodeSort[] = ['age', 'name', 'cpu', 'memory', 'utilization', 'price', 'instanceType'];

/** 'pool' = node group / NodePool; `label:KEY` groups by any node label. */
export type NodeGroupBy = 'pool' | 'zone' | 'instanceType' | 'capacityType' | `label:${string}`;
export const NODE_GROUP_BYS = ['pool', 'zone', 'instanceType', 'capacityType'] as const;

interface GridViewState {
  query: string;
  sortBy: NodeSort;
  groupBy: NodeGroupBy;
  extraLabels: string[];
  setQuery: (q: string) => void;
  setSortBy: (s: NodeSort) => void;
  setGroupBy: (g: NodeGroupBy) => void;
  setExtraLabels: (keys: string[]) => void;
}

function decode(v: string | undefined): string {
  if (v === undefined) return '';
  try {
    return decodeURIComponent(v);
  } catch {
    return '';
  }
}

export function parseSort(v: string): NodeSort {
  return (NODE_SORTS as string[]).includes(v) ? (v as NodeSort) : 'age';
}

export function parseGroupBy(v: string): NodeGroupBy {
  if ((NODE_GROUP_BYS as readonly string[]).includes(v)) return v as NodeGroupBy;
  if (/^label:[A-Za-z0-9./_-]{1,253}$/.test(v)) return v as NodeGroupBy;
  return 'pool';
}

/** Read from an address's hash ("#s=…&q=app%3Dweb&sort=cpu&group=zone"). */
export function gridViewFromHash(hash: string): Pick<GridViewState, 'query' | 'sortBy' | 'groupBy'> {
  return {
    query: decode(hashParam(hash, 'q')).slice(0, 500),
    sortBy: parseSort(decode(hashParam(hash, 'sort'))),
    groupBy: parseGroupBy(decode(hashParam(hash, 'group'))),
  };
}

/** The hash parameters for the current view; defaults are left out so plain links stay short. */
export function gridViewHashParams(s: Pick<GridViewState, 'query' | 'sortBy' | 'groupBy'>): string[] {
  const out: string[] = [];
  if (s.query.trim()) out.push(`q=${encodeURIComponent(s.query.trim())}`);
  if (s.sortBy !== 'age') out.push(`sort=${s.sortBy}`);
  if (s.groupBy !== 'pool') out.push(`group=${encodeURIComponent(s.groupBy)}`);
  return out;
}

const initial = typeof window === 'undefined' ? gridViewFromHash('') : gridViewFromHash(window.location.hash);

export const useGridView = create<GridViewState>((set) => ({
  ...initial,
  extraLabels: [],
  setQuery: (query) => set({ query }),
  setSortBy: (sortBy) => set({ sortBy }),
  setGroupBy: (groupBy) => set({ groupBy }),
  setExtraLabels: (extraLabels) => set({ extraLabels }),
}));
