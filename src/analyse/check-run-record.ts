// The record of the `Sift` check run of a head SHA (CheckRun table). The state is stored before
// GitHub is told, so the record may not have GitHub's id yet: then the check run is looked for on
// GitHub (a crash between creating it and storing its id) — never a second one.
import type { ProbotOctokit } from "probot";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { CHECK_RUN_NAME, type CheckRunConclusion, type CheckRunRecord, type CheckRunStatus } from "../model/index.js";

export interface CheckRunAt {
  repositoryId: number;
  owner: string;
  repo: string;
  sha: string;
  appId: number | undefined;
}

export async function findCheckRunRecord(prisma: PrismaClient, octokit: ProbotOctokit, at: CheckRunAt): Promise<CheckRunRecord | null> {
  const row = await prisma.checkRun.findUnique({ where: { repositoryId_headSha: { repositoryId: BigInt(at.repositoryId), headSha: at.sha } } });
  if (row?.checkRunId != null) return toRecord(row);
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
  return {
    checkRunId: String(found.id),
    status: found.status === "completed" ? "completed" : "in_progress",
    conclusion: found.conclusion === "success" || found.conclusion === "failure" ? found.conclusion : null,
    title: found.output?.title ?? "",
    outputHash: null,
  };
}

/** Stores the record, with or without GitHub's id yet; an id once stored is never forgotten. */
export async function saveCheckRunRecord(
  db: Prisma.TransactionClient,
  at: { repositoryId: number; sha: string },
  run: CheckRunRecord,
  wait?: { waitingSince: Date | null },
): Promise<void> {
  const data = {
    ...(run.checkRunId === null ? {} : { checkRunId: BigInt(run.checkRunId) }),
    status: run.status,
    conclusion: run.conclusion,
    title: run.title,
    outputHash: run.outputHash,
    ...(wait ? { waitingSince: wait.waitingSince } : {}),
  };
  await db.checkRun.upsert({
    where: { repositoryId_headSha: { repositoryId: BigInt(at.repositoryId), headSha: at.sha } },
    create: { repositoryId: BigInt(at.repositoryId), headSha: at.sha, ...data },
    update: data,
  });
}

function toRecord(row: { checkRunId: bigint | null; status: string; conclusion: string | null; title: string; outputHash: string | null }): CheckRunRecord {
  return {
    checkRunId: row.checkRunId === null ? null : String(row.checkRunId),
    status: row.status as CheckRunStatus,
    conclusion: row.conclusion as CheckRunConclusion | null,
    title: row.title,
    outputHash: row.outputHash,
  };
}
