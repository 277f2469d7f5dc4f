// The `Sift` check run already written for a head SHA: from the CheckRun table, or, when a crash
// came between creating it on GitHub and storing its id, found on GitHub — never a second one.
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";

export const CHECK_RUN_NAME = "Sift";

export interface PreviousCheckRun {
  checkRunId: string;
  status: string;
  conclusion: string | null;
  title: string;
  /** Hash of the last written output; a writer skips an update with the same hash. */
  outputHash: string | null;
}

export async function findPreviousCheckRun(
  prisma: PrismaClient,
  octokit: ProbotOctokit,
  at: { repositoryId: number; owner: string; repo: string; sha: string; appId: number | undefined },
): Promise<PreviousCheckRun | null> {
  const row = await prisma.checkRun.findUnique({ where: { repositoryId_headSha: { repositoryId: BigInt(at.repositoryId), headSha: at.sha } } });
  if (row) return { checkRunId: String(row.checkRunId), status: row.status, conclusion: row.conclusion, title: row.title, outputHash: row.outputHash };
  const { data } = await octokit.rest.checks.listForRef({
    owner: at.owner,
    repo: at.repo,
    ref: at.sha,
    check_name: CHECK_RUN_NAME,
    filter: "latest",
    ...(at.appId ? { app_id: at.appId } : {}),
  });
  const found = data.check_runs.find((c) => c.name === CHECK_RUN_NAME && (!at.appId || c.app?.id === at.appId));
  if (!found) return null;
  return { checkRunId: String(found.id), status: found.status, conclusion: found.conclusion ?? null, title: found.output?.title ?? "", outputHash: null };
}

export async function savePreviousCheckRun(
  prisma: PrismaClient,
  at: { repositoryId: number; sha: string },
  run: PreviousCheckRun,
): Promise<void> {
  const data = { checkRunId: BigInt(run.checkRunId), status: run.status, conclusion: run.conclusion, title: run.title, outputHash: run.outputHash };
  await prisma.checkRun.upsert({
    where: { repositoryId_headSha: { repositoryId: BigInt(at.repositoryId), headSha: at.sha } },
    create: { repositoryId: BigInt(at.repositoryId), headSha: at.sha, ...data },
    update: data,
  });
}
