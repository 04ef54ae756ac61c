import type { Scenario } from './scenario-types.js';
import { answerScenarios } from './scenarios-answers.js';
import { faultScenarios } from './scenarios-faults.js';
import { mediaScenarios } from './scenarios-media.js';

/** Every scenario, by name: the chatflow id of a prediction picks one. */
export const scenarios: Record<string, Scenario> = { ...answerScenarios, ...mediaScenarios, ...faultScenarios };

/** The names of the scripted scenarios. */
export const scenarioNames: readonly string[] = Object.keys(scenarios);
