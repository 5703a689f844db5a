/** Scenario files, manifests, command lines and share links: the way into the engine. */
export { loadScenario, type ScenarioLoadResult } from './loadScenario';
export { formatError, formatPath, type ScenarioError, type PathSegment } from './errors';
export { parseCommandLine, type ParseOptions, type ParseResult } from './commandLine';
export { registerManifestValidator, type ManifestIssue, type ManifestValidator } from './manifests/validators';
export { validateManifest, type LocatedManifest } from './manifests/validateManifest';
export { parseYamlStream } from './yamlSource';
export { encodeShareHash, decodeShareHash, logEntryOf, type CommandLogEntry, type ShareState, type DecodeResult } from './urlCodec';
export { parseDuration, formatDuration } from './duration';
export { SCENARIO_API_VERSION } from './scenarioSchema';
