import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { engine } from '../../store/engine';
import { useSessionVersion } from '../common/useSession';
import type { Command } from '../../sim/core/commands';
import { CommandSlider } from './CommandSlider';
import { commandText } from './commandText';
import { pendingValues } from './pendingValues';

function issue(command: Command): void {
  usePlayground.getState().issue(commandText(command), command);
}

/** Load, Replicas, HPA bounds and node group bounds: every change is a command through the store. */
export function WorkloadControls() {
  const { t } = useTranslation();
  const { session, version } = useSessionVersion();
  const [picked, setPicked] = useState<string>('');
  const [pickedGroup, setPickedGroup] = useState<string>('');
  const refusal = usePlayground((s) => s.controlRefusal);

  const model = useMemo(() => {
    if (!session) return null;
    const w = session.world;
    const deployments = [...w.deployments.values()].filter((d) => d.namespace !== 'kube-system');
    return {
      deployments: deployments.map((d) => ({ name: d.name, namespace: d.namespace, replicas: d.replicas })),
      loads: [...w.loads.values()].map((l) => ({
        target: l.target,
        // Load-generator pods and `clients` are closed loops; only a bare rps profile is open.
        closedLoop: l.clients !== undefined || (l.generators?.length ?? 0) > 0 || !l.profile,
        clients: l.clients?.count ?? 0,
        rps: l.profile && l.profile.length > 0 ? l.profile[l.profile.length - 1].rps : 0,
      })),
      hpaTargets: engine().hpaTargets(w),
      groups: [...w.nodeGroups.values()].map((g) => ({ name: g.name, min: g.minSize, max: g.maxSize, desired: g.desiredCapacity })),
      // Only what the next tick applies: the scenario's timeline waits in the same queue for later times.
      pending: pendingValues(w.pendingCommands.filter((c) => c.atMs <= w.timeMs + w.tickMs)),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the world mutates in place; version says when
  }, [session, version]);
  if (!model) return null;

  const workload = model.deployments.find((d) => d.name === picked) ?? model.deployments[0];
  const load = model.loads.find((l) => l.target === workload?.name) ?? model.loads[0];
  // Only the picked workload's own HPA, by its scaleTargetRef (kubectl autoscale --name can differ
  // from the target): falling back to another one moved php-apache's bounds while hamster was picked.
  const targets = workload ? model.hpaTargets.filter((h) => h.targetName === workload.name && h.namespace === workload.namespace) : [];
  // KEDA rewrites its HPA from the ScaledObject, so sliders on that HPA would not hold: name the ScaledObject instead.
  const keda = targets.find((h) => h.scaledObject !== undefined);
  // Read from the world, not from the last 5 s sample: a slider must show the value just applied.
  const hpa = keda ? undefined : targets[0];
  const group = model.groups.find((g) => g.name === pickedGroup) ?? model.groups[0];
  const hpaBounds = hpa ? { min: model.pending.hpaMin.get(hpa.name) ?? hpa.minReplicas, max: model.pending.hpaMax.get(hpa.name) ?? hpa.maxReplicas } : { min: 1, max: 10 };

  return (
    <section className="controls" aria-label={t('controls.title')}>
      {refusal && (
        <div className="banner error" role="alert" data-testid="control-refused">
          <span>{t('controls.commandRefused', { error: refusal.output, input: refusal.input })}</span>
          <button type="button" className="tiny" onClick={() => usePlayground.getState().dismissControlRefusal()}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      <div className="control-row">
        <label className="picker">
          <span>{t('controls.workload')}</span>
          {/* Every Deployment deleted (e.g. ca-nginx-scaleout after 5 minutes): say so, not an empty list. */}
          {model.deployments.length > 0 ? (
            <select aria-label={t('controls.workload')} title={workload?.name} value={workload?.name ?? ''} onChange={(e) => setPicked(e.target.value)}>
              {model.deployments.map((d) => (
                <option key={d.name}>{d.name}</option>
              ))}
            </select>
          ) : (
            <select aria-label={t('controls.workload')} title={t('controls.workloadNone')} disabled data-testid="workload-none">
              <option>—</option>
            </select>
          )}
        </label>
        {load ? (
          <CommandSlider
            label={t('controls.load')}
            testId="load-slider"
            min={0}
            max={load.closedLoop ? 50 : 1000}
            step={load.closedLoop ? 1 : 10}
            unit={load.closedLoop ? t('controls.unitClients') : t('charts.unitRps')}
            value={load.closedLoop ? (model.pending.clients.get(load.target) ?? load.clients) : (model.pending.rps.get(load.target) ?? load.rps)}
            onCommit={(v) => issue(load.closedLoop ? { type: 'setLoad', target: load.target, clients: v } : { type: 'setLoad', target: load.target, rps: v })}
          />
        ) : (
          <span className="muted small">{t('controls.loadNone')}</span>
        )}
        {workload && (
          <CommandSlider
            label={t('controls.replicas')}
            testId="replicas-slider"
            min={0}
            max={Math.max(30, workload.replicas * 2)}
            value={model.pending.replicas.get(workload.name) ?? workload.replicas}
            onCommit={(v) => issue({ type: 'scale', kind: 'deployment', name: workload.name, namespace: workload.namespace, replicas: v })}
          />
        )}
      </div>
      {/* The sliders only change an HPA (setHpaBounds), they never make one: without it, say how. */}
      {workload && hpa && (
        <div className="control-row" data-testid="hpa-controls">
          {/* Each bound's range stops at the other's value (the one about to apply, if any): the API
              server refuses minReplicas above maxReplicas, so a slider must not offer it. */}
          <CommandSlider
            label={t('controls.hpaMin')}
            testId="hpa-min"
            min={1}
            max={hpaBounds.max}
            value={hpaBounds.min}
            onCommit={(v) => issue({ type: 'setHpaBounds', name: hpa.name, namespace: workload.namespace, min: v })}
          />
          <CommandSlider
            label={t('controls.hpaMax')}
            testId="hpa-max"
            min={hpaBounds.min}
            max={Math.max(100, hpaBounds.max)}
            value={hpaBounds.max}
            onCommit={(v) => issue({ type: 'setHpaBounds', name: hpa.name, namespace: workload.namespace, max: v })}
          />
          <CommandSlider
            label={t('controls.hpaTarget')}
            testId="hpa-target"
            min={5}
            max={100}
            step={5}
            unit="%"
            value={model.pending.hpaTarget.get(hpa.name) ?? hpa.cpuTargetPercent ?? 50}
            onCommit={(v) => issue({ type: 'setHpaBounds', name: hpa.name, namespace: workload.namespace, targetCpu: v })}
          />
        </div>
      )}
      {workload && keda && (
        <div className="muted small" data-testid="hpa-by-keda">
          {t('controls.hpaByKeda', { scaledObject: keda.scaledObject, hpa: keda.name })}
        </div>
      )}
      {workload && !hpa && !keda && (
        <div className="muted small" data-testid="hpa-missing">
          {t('controls.hpaMissing')}
        </div>
      )}
      {group ? (
        <div className="control-row">
          <label className="picker">
            <span>{t('controls.nodeGroup')}</span>
            <select aria-label={t('controls.nodeGroup')} value={group.name} onChange={(e) => setPickedGroup(e.target.value)}>
              {model.groups.map((g) => (
                <option key={g.name}>{g.name}</option>
              ))}
            </select>
          </label>
          <CommandSlider
            label={t('controls.ngMin')}
            testId="ng-min"
            min={0}
            max={Math.max(20, group.max)}
            value={model.pending.asgMin.get(group.name) ?? group.min}
            onCommit={(v) => issue({ type: 'updateAsg', name: group.name, minSize: v, ...(v > group.max ? { maxSize: v } : {}) })}
          />
          <CommandSlider
            label={t('controls.ngMax')}
            testId="ng-max"
            min={0}
            // Up to 1,000 nodes (the large-cluster example's size), never below the group's own maximum.
            max={Math.max(group.max, Math.min(1000, Math.max(30, group.max * 2)))}
            value={model.pending.asgMax.get(group.name) ?? group.max}
            onCommit={(v) => issue({ type: 'updateAsg', name: group.name, maxSize: v, ...(v < group.min ? { minSize: v } : {}) })}
          />
        </div>
      ) : (
        <div className="control-row muted small">{t('controls.noNodeGroups')}</div>
      )}
    </section>
  );
}
