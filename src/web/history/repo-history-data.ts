// What the repository history page shows, read from the database only: frequent and new causes,
// how often the default branch is broken, job durations, infrastructure vs test failures.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { FailureKind } from "../../model/index.js";
import { countFailuresByKind } from "../../history/index.js";
import { branchHealth, type BranchHealth } from "../branch-health.js";
import { jobDurations, type DurationTrends } from "../job-durations.js";
import { causeCounts, type CauseCounts } from "./top-causes.js";
import { ejectionCounts, type EjectionCounts } from "./merge-queue-ejections.js";

const DAY = 24 * 3600 * 1000;
export const HISTORY_WINDOW_DAYS = 30;

export interface RepoHistory {
  repo: { id: bigint; owner: string; name: string; private: boolean; defaultBranch: string };
  generatedAt: Date;
  causes: CauseCounts;
  branch: BranchHealth;
  durations: DurationTrends;
  /** Failed jobs classified in the window, by kind. */
  failures: Record<FailureKind, number>;
  /** Merge groups ejected from the merge queue after a failure, per cause. */
  ejections: EjectionCounts;
}

export async function loadRepoHistory(prisma: PrismaClient, repo: RepoHistory["repo"], now: Date): Promise<RepoHistory> {
  const since = new Date(now.getTime() - HISTORY_WINDOW_DAYS * DAY);
  const [causes, branch, durations, failures, ejections] = await Promise.all([
    causeCounts(prisma, repo.id, now, { days: HISTORY_WINDOW_DAYS, newDays: 7, limit: 15 }),
    branchHealth(prisma, repo, now, HISTORY_WINDOW_DAYS),
    jobDurations(prisma, repo.id, now, { days: 14, jobs: 10 }),
    countFailuresByKind(prisma, { since, repositoryId: Number(repo.id) }),
    ejectionCounts(prisma, repo.id, now, HISTORY_WINDOW_DAYS),
  ]);
  return { repo, generatedAt: now, causes, branch, durations, failures, ejections };
}
