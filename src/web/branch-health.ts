// How often the default branch is broken, counted over settled commits: Sift analysed the commit's
// failures, or every job Sift saw on it completed without one. Broken means at least one failed job
// was classified genuine or known problem: a failure that is only flaky is CI noise, a known problem
// is still a broken build (just an explained one). Commits whose CI or analysis is still under way are
// left out, so "red now" never guesses.
import type { PrismaClient } from "../generated/prisma/client.js";

const DAY = 24 * 3600 * 1000;
const MAX_COMMITS = 5_000;

export const BROKEN_DEFINITION =
  "Counted: commits of the default branch first seen in the window whose CI finished (every job Sift saw completed) or whose failures Sift analysed. Broken: at least one failed job was classified to fix (genuine) or known problem. Commits whose failures were all flaky, and commits without failures, are not broken; commits still running or waiting for analysis are left out.";

export interface BranchHealth {
  branch: string;
  days: number;
  /** Settled default-branch commits first seen in the window. */
  commits: number;
  broken: number;
  /** broken / analysed, null without analysed commits. */
  share: number | null;
  /** The newest settled commits in a row that are all red (or all green), newest first. */
  streak: { red: boolean; commits: number; sinceSha: string; since: Date; latestSha: string; wholeWindow: boolean } | null;
}

export async function branchHealth(prisma: PrismaClient, repo: { id: bigint; defaultBranch: string }, now: Date, days = 30): Promise<BranchHealth> {
  const seen = await prisma.headCommit.findMany({
    where: { repositoryId: repo.id, branch: repo.defaultBranch, createdAt: { gte: new Date(now.getTime() - days * DAY), lte: now }, state: { in: ["idle", "done"] } },
    select: { sha: true, createdAt: true, state: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_COMMITS,
  });
  const finished = await ciFinished(prisma, repo.id, seen.filter((c) => c.state === "idle").map((c) => c.sha));
  const commits = seen.filter((c) => c.state === "done" || finished.has(c.sha));
  const red = await brokenShas(prisma, repo.id, commits.map((c) => c.sha));
  const broken = commits.filter((c) => red.has(c.sha)).length;
  return { branch: repo.defaultBranch, days, commits: commits.length, broken, share: commits.length ? broken / commits.length : null, streak: streak(commits, red) };
}

/** Commits with at least one job, all of them completed. */
async function ciFinished(prisma: PrismaClient, repositoryId: bigint, shas: string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await prisma.job.groupBy({ by: ["headSha", "status"], where: { repositoryId, headSha: { in: shas } } });
  const running = new Set(rows.filter((r) => r.status !== "completed").map((r) => r.headSha));
  return new Set(rows.filter((r) => !running.has(r.headSha)).map((r) => r.headSha));
}

export async function brokenShas(prisma: PrismaClient, repositoryId: bigint, shas: string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await prisma.job.findMany({
    where: { repositoryId, headSha: { in: shas }, classification: { verdict: { in: ["genuine", "known_problem"] } } },
    select: { headSha: true },
    distinct: ["headSha"],
  });
  return new Set(rows.map((r) => r.headSha));
}

function streak(commits: { sha: string; createdAt: Date }[], red: Set<string>): BranchHealth["streak"] {
  const latest = commits[0];
  if (!latest) return null;
  const isRed = red.has(latest.sha);
  let n = 1;
  while (n < commits.length && red.has(commits[n]!.sha) === isRed) n++;
  const oldest = commits[n - 1]!;
  return { red: isRed, commits: n, sinceSha: oldest.sha, since: oldest.createdAt, latestSha: latest.sha, wholeWindow: n === commits.length };
}
