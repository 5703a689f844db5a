import { usePlayground } from '../../store/playgroundStore';
import type { Session } from '../../sim/session';

/**
 * The session plus the version counter: components that call this re-render whenever the world
 * changed. The world is mutated in place, so memoise derived data on `version`, not on `session`.
 */
export function useSessionVersion(): { session: Session | null; version: number } {
  const version = usePlayground((s) => s.version);
  const session = usePlayground((s) => s.session);
  return { session, version };
}
