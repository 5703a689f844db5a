/**
 * Examples plus their parser in one import, for tools outside the app (the cluster view's dev
 * harness). The app itself imports exampleList.ts and loads the parser lazily.
 */
export { exampleScenarios } from './exampleList';
export { parseScenarioText, type ScenarioParse } from './scenarioLoading';
