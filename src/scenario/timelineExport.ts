import { isMap, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { TimedCommand } from '../sim/core/commands';
import { parseCommandLine } from './commandLine';
import { formatDuration } from './duration';

/**
 * Export → Scenario (YAML): the scenario file with the run's commands (console lines, sliders,
 * fault buttons) appended to its `spec.timeline`, and the run's seed, so that the exported file
 * replays exactly what the share link replays (issue #12 item 9). The file's comments and layout
 * are kept. A line that the command parser turns back into exactly the logged commands is written
 * as `run:`; anything else (a slider's patch, an apply from stdin) as `run:` plus the structured
 * `command:` it stands for, which the loader takes as is.
 */
export function scenarioWithCommands(text: string, seed: number, log: readonly TimedCommand[]): string {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return text;
  const scenario = docs.find((d) => d.errors.length === 0 && d.get('kind') === 'Scenario');
  if (!scenario) return text;
  if (scenario.getIn(['spec', 'seed']) !== seed) scenario.setIn(['spec', 'seed'], seed);
  if (log.length > 0) appendTimeline(scenario, log);
  // No folding and no padding, so flow maps stay on one line as people write them.
  const show = (d: Document) => d.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/^---\n/, '');
  return docs.map((d, i) => (i === 0 && !text.trimStart().startsWith('---') ? show(d) : `---\n${show(d)}`)).join('');
}

function appendTimeline(doc: Document, log: readonly TimedCommand[]): void {
  let seq = doc.getIn(['spec', 'timeline'], true);
  if (!isSeq(seq)) {
    const spec = doc.get('spec', true);
    if (!isMap(spec)) return;
    seq = doc.createNode([]);
    spec.set('timeline', seq);
  }
  const entries = seq as ReturnType<Document['createNode']> & { items: unknown[] };
  for (let i = 0; i < log.length; ) {
    // One typed line may stand for several commands (kubectl scale deployment a b): same time, same text.
    let j = i + 1;
    while (j < log.length && log[j].atMs === log[i].atMs && log[j].input === log[i].input) j++;
    const group = log.slice(i, j);
    const at = formatDuration(group[0].atMs);
    const parsed = parseCommandLine(group[0].input);
    const same = parsed.ok && JSON.stringify(parsed.commands) === JSON.stringify(group.map((c) => c.command));
    if (same) entries.items.push(doc.createNode({ at, run: group[0].input }, { flow: true }));
    else for (const c of group) entries.items.push(doc.createNode({ at, run: c.input, command: c.command }, { flow: true }));
    i = j;
  }
}
