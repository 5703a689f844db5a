import { create } from 'zustand';

/** The open bottom tab, in a store so that a lesson's "Show me" can open one (a UI intent, not a command). */
export const TAB_IDS = ['console', 'events', 'logs', 'yaml', 'autoscalers', 'statecharts', 'why', 'compare'] as const;
export type TabId = (typeof TAB_IDS)[number];

export const useTabs = create<{ tab: TabId; setTab: (tab: TabId) => void }>((set) => ({
  tab: 'console',
  setTab: (tab) => set({ tab }),
}));
