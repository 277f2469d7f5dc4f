// A head SHA analysed again after its repository's patterns changed: the same use case as a fresh
// analysis (analyseCommit: decide, one transaction for verdicts and the check run's record, then
// the check run), with the configuration already loaded, the kept text instead of a download, and
// no re-run asked for retroactively: a failure that turned flaky says why it is not re-run.
import type { CompiledPatternSet } from "../classify/index.js";
import type { LoadedConfig } from "../config/index.js";
import type { AnalysisStages, JobReport } from "../model/index.js";
import { analyseCommit, type AnalyseDeps, type AnalysisResult, type CommitToAnalyse } from "./analyse-commit.js";
import { createStoredClassifyStage } from "./classify-stored-job.js";

const PLANNED = new Set(["requested", "waiting", "held"]);
export const NOT_RETROACTIVE = "re-classified after the patterns changed: not re-run retroactively";

export async function reanalyseCommit(deps: AnalyseDeps<CompiledPatternSet>, commit: CommitToAnalyse, config: LoadedConfig): Promise<AnalysisResult> {
  const { prisma } = deps;
  const retry: AnalysisStages["retry"] = async (_octokit, report) => {
    const ids = report.jobs.map((j) => j.job.id);
    const asked = new Set((await prisma.retry.findMany({ where: { jobId: { in: ids } }, select: { jobId: true } })).map((r) => r.jobId));
    const jobs = report.jobs.map((j): JobReport =>
      j.retry && PLANNED.has(j.retry.state) && !asked.has(j.job.id) ? { ...j, retry: { state: "excluded", reason: NOT_RETROACTIVE } } : j,
    );
    return { ...report, jobs, retryPlan: undefined };
  };
  const stages = { ...deps.stages, loadConfig: async () => config, classifyJob: createStoredClassifyStage(prisma), retry };
  return analyseCommit({ ...deps, stages }, commit);
}
