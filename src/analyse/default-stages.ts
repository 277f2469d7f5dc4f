// Stand-ins for tests that exercise one stage at a time: built-in patterns only, every failure
// genuine (fail closed), decide changes nothing, retry does nothing, and the report lists the
// failed jobs. src/index.ts wires the real stages.
import { configFromFiles } from "../config/load.js";
import { failClosed } from "./fail-closed.js";
import type { AnalysisStages } from "./stages.js";
import { writeBasicReport } from "./write-basic-report.js";

export const defaultStages: AnalysisStages = {
  loadConfig: async (ctx) => configFromFiles([], ctx.repo.owner, ctx.repo.name), // built-ins only, no request
  classifyJob: async () => failClosed("not classified yet"),
  decide: (report) => report,
  writeReport: writeBasicReport,
  retry: async () => {},
};
