// Every built-in's examples, merged by pattern id from the example files (match and miss lists concatenated).
import { breadthExamples, breadthMoreExamples } from "./examples-breadth.js";
import { machineExamples } from "./examples-machine.js";
import { networkExamples } from "./examples-network.js";
import { recallExamples } from "./examples-recall.js";
import { runnerExamples, type Examples } from "./examples-runner.js";
import { surveyExamples } from "./examples-survey.js";

function merge(...sets: Record<string, Examples>[]): Record<string, Examples> {
  const out: Record<string, Examples> = {};
  for (const set of sets) {
    for (const [id, ex] of Object.entries(set)) {
      const had = out[id];
      out[id] = had ? { match: [...had.match, ...ex.match], miss: [...had.miss, ...ex.miss] } : { match: [...ex.match], miss: [...ex.miss] };
    }
  }
  return out;
}

export const allExamples = merge(runnerExamples, machineExamples, networkExamples, surveyExamples, breadthExamples, breadthMoreExamples, recallExamples);
