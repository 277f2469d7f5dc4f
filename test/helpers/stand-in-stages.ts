// Stand-ins for tests that exercise one stage at a time: built-in patterns only, every failure
// genuine (fail closed), decide changes nothing, retry does nothing, and the report lists the
// failed jobs. src/analyse/create-stages.ts wires the real stages.
import type { CompiledPatternSet } from "../../src/classify/index.js";
import { configFromFiles } from "../../src/config/index.js";
import { failClosed, type AnalysisStages } from "../../src/model/index.js";
import { writeBasicReport } from "./write-basic-report.js";

export const standInStages: AnalysisStages<CompiledPatternSet> = {
  loadConfig: async (scope) => configFromFiles([], scope.repo.owner, scope.repo.name), // built-ins only, no request
  classifyJob: async () => failClosed("not classified yet"),
  decide: (report) => report,
  retry: async (_octokit, report) => report,
  writeReport: writeBasicReport,
};

/** The stand-ins with some stages replaced. */
export function stagesWith(over: Partial<AnalysisStages<CompiledPatternSet>> = {}): AnalysisStages<CompiledPatternSet> {
  return { ...standInStages, ...over };
}
