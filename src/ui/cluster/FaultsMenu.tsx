import { useCallback, useMemo, useRef, useState } from 'react';
import { useDismiss } from '../common/useDismiss';
import { useTranslation } from 'react-i18next';
import { parseCommandLine } from '../../scenario/commandLine';
import { usePlayground } from '../../store/playgroundStore';
import type { World } from '../../sim/core/types';

/**
 * Fault injection on screen (docs/commands.md). Each item types the console line a person could
 * type, through the console's own path: it is checked, logged (replays, shares), printed in the
 * console and marked on the charts by the events it causes. The target is the selected node, or
 * the newest node that can take the fault.
 */
function target(world: World, selected: string | null, want: (state: string, capacity: string) => boolean): string | null {
  const nodes = [...world.nodes.values()].filter((n) => want(n.state, n.capacityType));
  const chosen = nodes.find((n) => n.name === selected) ?? nodes.sort((a, b) => b.createdMs - a.createdMs)[0];
  return chosen?.name ?? null;
}

const live = (state: string) => state !== 'Gone' && state !== 'Launching' && state !== 'Terminating';

/** The most frequent value (ties: the first in sort order), or null. */
function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** The zone to lose: the selected node's, else the zone with the most live nodes. */
function targetZone(world: World, selected: string | null): string | null {
  const node = selected ? world.nodes.get(selected) : undefined;
  if (node) return node.zone;
  return mostCommon([...world.nodes.values()].filter((n) => live(n.state)).map((n) => n.zone));
}

/** The instance type to run out of: the selected node's, else the node groups' (what the ASG launches), else the most common. */
function targetType(world: World, selected: string | null): string | null {
  const node = selected ? world.nodes.get(selected) : undefined;
  if (node) return node.instanceType;
  const groupTypes = [...world.nodeGroups.values()].filter((g) => g.maxSize > g.minSize).map((g) => g.instanceTypes[0]);
  return mostCommon(groupTypes.length > 0 ? groupTypes : [...world.nodes.values()].filter((n) => live(n.state)).map((n) => n.instanceType));
}

/** Default durations of the menu's timed faults (the console's --for defaults). */
const ZONE_FOR = '30m';
const METRICS_FOR = '5m';
const CAPACITY_FOR = '30m';

export function FaultsMenu({ world }: { world: World | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inside = useMemo(() => [menuRef], []);
  useDismiss(open, useCallback(() => setOpen(false), []), inside, buttonRef);
  const selection = usePlayground((s) => s.selection);
  const selected = selection?.kind === 'node' ? selection.name : null;
  if (!world) return null;
  const spot = target(world, selected, (s, c) => live(s) && c === 'spot');
  const any = target(world, selected, live);
  const zone = targetZone(world, selected);
  const type = targetType(world, selected);
  const run = (line: string) => {
    usePlayground.getState().run(line, parseCommandLine);
    setOpen(false);
  };
  const instanceId = (node: string) => world.nodes.get(node)?.providerId.split('/').pop() ?? node;
  const items = [
    { id: 'spot', node: spot, line: spot && `playground interrupt-spot node/${spot}`, label: t('views.faults.spot'), none: t('views.faults.noSpot') },
    { id: 'terminate', node: any, line: any && `aws ec2 terminate-instances --instance-ids ${instanceId(any)}`, label: t('views.faults.terminate'), none: t('views.faults.noNode') },
    { id: 'notready', node: any, line: any && `playground fault node/${any}`, label: t('views.faults.notReady'), none: t('views.faults.noNode') },
    { id: 'zone', node: zone, line: zone && `playground fault zone/${zone} --for=${ZONE_FOR}`, label: t('views.faults.zone', { duration: ZONE_FOR }), none: t('views.faults.noNode') },
    { id: 'metrics', node: 'metrics-server', line: `playground fault metrics-server --for=${METRICS_FOR}`, label: t('views.faults.metricsServer', { duration: METRICS_FOR }), none: '' },
    { id: 'capacity', node: type, line: type && `playground fault capacity/${type} --for=${CAPACITY_FOR}`, label: t('views.faults.capacity', { duration: CAPACITY_FOR }), none: t('views.faults.noNode') },
  ];
  return (
    <div className="faults-menu" ref={menuRef}>
      <button type="button" ref={buttonRef} data-testid="faults-menu" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)}>
        {t('views.faults.button')}
      </button>
      {open && (
        <ul className="faults-list" role="menu" aria-label={t('views.faults.button')}>
          {items.map((it) => (
            <li key={it.id} role="none">
              <button type="button" role="menuitem" data-testid={`fault-${it.id}`} disabled={!it.line} onClick={() => it.line && run(it.line)} title={it.line ?? it.none}>
                <span>{it.label}</span>
                {/* The "no node" note is prose (a monospace face may lack Korean glyphs); the target is a name. */}
                {it.node ? <code className="muted small">{it.id === 'zone' || it.id === 'capacity' || it.id === 'metrics' ? it.node : it.node.split('.')[0]}</code> : <span className="muted small">{it.none}</span>}
              </button>
            </li>
          ))}
          <li role="none" className="muted small faults-hint">
            {t('views.faults.hint')} {t('views.faults.hint2')}
          </li>
        </ul>
      )}
    </div>
  );
}
