// kubectl's JSONPath (`-o jsonpath=…`, custom-columns cells, --sort-by) over plain JSON data.
//
// Upstream: k8s.io/client-go util/jsonpath/{parser,jsonpath}.go, k8s.io/cli-runtime
// pkg/printers/jsonpath.go (JSONPathPrinter), k8s.io/kubectl pkg/cmd/get/{customcolumn,sorter}.go.
// Error texts are the engine's own; kubectl wraps them, and the caller should too:
//   parse:   `error: error parsing jsonpath <template>, <message>`
//   execute: `error: error executing jsonpath "<template>": Error executing template: <message>.
//             Printing more information for debugging the template: …` (followed by a dump of the object)
import { findResults } from './jsonPathEval';
import { GoNum, INVALID, LimitExceeded, goSprint, printResults } from './jsonPathGo';
import { RELAXED_ERROR, parseTemplate, relaxedJsonPathExpression, type JsonPathError } from './jsonPathParse';

export type { JsonPathError } from './jsonPathParse';
export { sortByJsonPath } from './jsonPathSort';

function guarded<T>(run: () => T | JsonPathError): T | JsonPathError {
  try {
    return run();
  } catch (e) {
    // Only the depth and work bounds throw by design; anything else (a stack overflow on hostile
    // data) is still reported rather than propagated into the command runner.
    return { ok: false, error: e instanceof LimitExceeded ? e.message : `jsonpath: ${String(e)}` };
  }
}

/** `kubectl get … -o jsonpath=TEMPLATE`: the template applied to `data`, as kubectl prints it (no trailing newline added). */
export function executeJsonPath(template: string, data: unknown): { ok: true; text: string } | JsonPathError {
  return guarded(() => {
    const parsed = parseTemplate(template);
    if (!parsed.ok) return parsed;
    const found = findResults(parsed.nodes, data);
    if (!found.ok) return found;
    let text = '';
    for (const results of found.results) text += printResults(results);
    return { ok: true, text };
  });
}

/**
 * One expression, as custom-columns and --sort-by take it: ".metadata.name", "{.metadata.name}",
 * ".status.conditions[?(@.type==\"Ready\")].status". Returns every value it matched; a missing
 * field gives [] (custom-columns then prints `<none>`).
 */
export function findJsonPathValues(
  expr: string,
  data: unknown,
): { ok: true; values: unknown[] } | JsonPathError {
  return guarded(() => {
    const field = relaxedJsonPathExpression(expr);
    if (field === undefined) return { ok: false, error: RELAXED_ERROR };
    const parsed = parseTemplate(field);
    if (!parsed.ok) return parsed;
    const found = findResults(parsed.nodes, data);
    if (!found.ok) return found;
    const values: unknown[] = [];
    for (const results of found.results) {
      for (const v of results) values.push(v instanceof GoNum ? v.value : v === INVALID ? undefined : v);
    }
    return { ok: true, values };
  });
}

/**
 * How kubectl prints one matched value in a custom-columns cell: fmt.Sprint of the value
 * (printOneObject in kubectl pkg/cmd/get/customcolumn.go), so strings raw, int64 as digits, float64
 * as Go's %v (`0.5`, `1e+06`), maps `map[app:web]`, lists `[a b]`, null `<nil>`.
 * `-o jsonpath` (executeJsonPath) agrees on scalars but prints maps and lists as JSON and null as
 * `null` (PrintResults in client-go util/jsonpath/jsonpath.go).
 */
export function printJsonPathValue(v: unknown): string {
  try {
    return goSprint(v);
  } catch {
    return '<too deep>';
  }
}
