// Stand-ins until the real stages land: every failure is genuine (fail closed), decide changes
// nothing, retry does nothing, and the report lists the failed jobs.
import { failClosed } from "./fail-closed.js";
import type { AnalysisStages } from "./stages.js";
import { writeBasicReport } from "./write-basic-report.js";

export const defaultStages: AnalysisStages = {
  classifyJob: async () => failClosed("not classified yet"),
  decide: (report) => report,
  writeReport: writeBasicReport,
  retry: async () => {},
};
