/** Lessons: the file format (docs/lessons.md), loading with located errors, running and preparing steps. */
export * from './types';
export { loadLesson, type LessonLoadResult } from './loadLesson';
export { lessonScenarioText, type ExampleReader, type ScenarioTextResult } from './scenarioText';
export { compileCheck, CHECK_TYPES } from './checkSchema';
export { performActionCommands, runStep, runLessonSteps, prepareLessonStep, stepCheckId, type ActionOutput, type StepResult, type LessonRun, type PreparedStep } from './runLesson';
export { runLessonFile, firstLine, type LessonFileRun } from './headless';
