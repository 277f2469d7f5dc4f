// The text each classified failure kept (the classify stage cut it to SIFT_KEEP_BYTES), stored for
// re-classification and backtests.
import type { PrismaClient } from "../generated/prisma/client.js";
import { saveFailureText } from "../keep/index.js";
import type { JobReport } from "../model/index.js";

export async function keepFailureTexts(prisma: PrismaClient, jobs: readonly JobReport[], at: { repositoryId: number; now: Date }): Promise<void> {
  for (const { job, failure } of jobs) {
    if (failure.kept) await saveFailureText(prisma, { jobId: job.id, repositoryId: at.repositoryId, now: at.now }, failure.kept);
  }
}
