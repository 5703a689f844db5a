import { create } from 'zustand';

/** The open bottom tab, in a store so that a lesson's "Show me" can open one (a UI intent, not a command). */
export const TAB_IDS = ['console', 'events', 'logs', 'yaml', 'autoscalers', 'statecharts', 'why', 'compare'] as const;
export type TabId = (typeof TAB_IDS)[number];

interface TabState {
  tab: TabId;
  /** The panel takes about half the page instead of a strip: for reading a describe or Why on a projector. */
  large: boolean;
  setTab: (tab: TabId) => void;
  toggleLarge: () => void;
}

export const useTabs = create<TabState>((set) => ({
  tab: 'console',
  large: false,
  setTab: (tab) => set({ tab }),
  toggleLarge: () => set((s) => ({ large: !s.large })),
}));
