import type { ManifestDoc } from '../sim/core/commands';
import type { ScenarioSpec } from '../sim/core/scenario';
import { msg, type Message } from '../sim/core/message';
import { applyCommand } from '../sim/commands/apply';
import { autoscalerTraceEntries } from '../sim/autoscalers/trace';
import { missingReason } from '../sim/checks/missing';
import { createSession } from '../sim/session';
import { parseCommandLine } from '../scenario/commandLine';
import { loadScenario } from '../scenario/loadScenario';
import type { Lesson } from './types';

export interface LessonWarning {
  /** 1-based line of the step in the lesson file. */
  line: number;
  message: Message;
}

/**
 * Checks that name an object nothing in the lesson creates: neither the scenario (its manifests and
 * timeline) nor any step's action. Warnings, not errors: the student may be meant to create it by
 * typing. Probed on a throwaway world at t=0 with every command but deletes applied at once, so it costs no
 * simulated time; KEDA's generated HPA (keda-hpa-NAME) counts as created with its ScaledObject.
 */
export function namedObjectWarnings(lesson: Lesson, spec: ScenarioSpec, manifests: ManifestDoc[]): LessonWarning[] {
  const world = createSession(spec, manifests).world;
  const apply = (command: Parameters<typeof applyCommand>[1]) => {
    // Everything applied at once: a later step's delete must not hide what an earlier one checks.
    if (command.type === 'delete') return;
    try {
      applyCommand(world, command);
    } catch {
      /* a command the probe cannot apply out of its time creates nothing here */
    }
  };
  for (const c of [...world.pendingCommands]) apply(c.command);
  for (const step of lesson.steps) {
    for (const line of step.action?.run ?? []) {
      const parsed = parseCommandLine(line, step.action?.stdin === undefined ? {} : { stdin: step.action.stdin });
      if (parsed.ok) for (const command of parsed.commands) if (command.type !== 'view') apply(command);
    }
  }
  const entries = { ...autoscalerTraceEntries(world) };
  for (const key of Object.keys(entries)) if (key.startsWith('ScaledObject/')) entries[`HorizontalPodAutoscaler/keda-hpa-${key.slice('ScaledObject/'.length)}`] = {};
  const out: LessonWarning[] = [];
  lesson.steps.forEach((step, i) => {
    const reason = missingReason(step.check, world, () => entries);
    if (reason) out.push({ line: step.line, message: msg('engine.check.notCreated', { step: i + 1, reason }) });
  });
  return out;
}

/** The same, from the scenario file text a loaded lesson runs (loadLesson's scenarioText). */
export function lessonObjectWarnings(lesson: Lesson, scenarioText: string): LessonWarning[] {
  const s = loadScenario(scenarioText, lesson.file);
  return s.ok ? namedObjectWarnings(lesson, s.spec, s.manifests.map((m) => m.doc)) : [];
}
