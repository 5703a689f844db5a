import { useState } from 'react';
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

export function FaultsMenu({ world }: { world: World | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const selection = usePlayground((s) => s.selection);
  const selected = selection?.kind === 'node' ? selection.name : null;
  if (!world) return null;
  const spot = target(world, selected, (s, c) => live(s) && c === 'spot');
  const any = target(world, selected, live);
  const run = (line: string) => {
    usePlayground.getState().run(line, parseCommandLine);
    setOpen(false);
  };
  const instanceId = (node: string) => world.nodes.get(node)?.providerId.split('/').pop() ?? node;
  const items = [
    { id: 'spot', node: spot, line: spot && `playground interrupt-spot node/${spot}`, label: t('views.faults.spot'), none: t('views.faults.noSpot') },
    { id: 'terminate', node: any, line: any && `aws ec2 terminate-instances --instance-ids ${instanceId(any)}`, label: t('views.faults.terminate'), none: t('views.faults.noNode') },
    { id: 'notready', node: any, line: any && `playground fault node/${any}`, label: t('views.faults.notReady'), none: t('views.faults.noNode') },
  ];
  return (
    <div className="faults-menu">
      <button type="button" data-testid="faults-menu" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen((o) => !o)}>
        {t('views.faults.button')}
      </button>
      {open && (
        <ul className="faults-list" role="menu" aria-label={t('views.faults.button')}>
          {items.map((it) => (
            <li key={it.id} role="none">
              <button type="button" role="menuitem" data-testid={`fault-${it.id}`} disabled={!it.line} onClick={() => it.line && run(it.line)} title={it.line ?? it.none}>
                <span>{it.label}</span>
                <code className="muted small">{it.node ? it.node.split('.')[0] : it.none}</code>
              </button>
            </li>
          ))}
          <li role="none" className="muted small faults-hint">
            {t('views.faults.hint')}
          </li>
        </ul>
      )}
    </div>
  );
}
