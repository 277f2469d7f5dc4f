// Rows for retry/commands/history tests: one installation and repository, jobs, verdicts, head commits.
import type { Database } from "../../src/db/index.js";

export const SEED = { installationId: 100, repositoryId: 5001, owner: "octo-org", repo: "octo-repo" };

export async function seedRepository(db: Database, defaultBranch = "main"): Promise<void> {
  await db.prisma.installation.create({ data: { id: BigInt(SEED.installationId), accountLogin: SEED.owner } });
  await db.prisma.repository.create({ data: { id: BigInt(SEED.repositoryId), installationId: BigInt(SEED.installationId), owner: SEED.owner, name: SEED.repo, defaultBranch } });
}

export interface SeedJob {
  externalId: number;
  name: string;
  sha: string;
  provider?: "actions" | "check_run" | "status";
  runId?: number | null;
  runAttempt?: number;
  conclusion?: string | null;
  status?: string;
  workflowName?: string;
  headBranch?: string | null;
  completedAt?: Date;
}

export async function seedJob(db: Database, j: SeedJob): Promise<number> {
  const row = await db.prisma.job.create({
    data: {
      repositoryId: BigInt(SEED.repositoryId),
      provider: j.provider ?? "actions",
      externalId: String(j.externalId),
      headSha: j.sha,
      name: j.name,
      workflowName: j.workflowName ?? "CI",
      runId: j.runId === null ? null : BigInt(j.runId ?? 9000),
      runAttempt: j.runAttempt ?? 1,
      status: j.status ?? "completed",
      conclusion: j.conclusion === undefined ? "failure" : j.conclusion,
      headBranch: j.headBranch === undefined ? "feature" : j.headBranch,
      startedAt: j.completedAt ? new Date(j.completedAt.getTime() - 60_000) : new Date(Date.now() - 3600_000),
      completedAt: j.completedAt ?? new Date(Date.now() - 1800_000),
    },
  });
  return row.id;
}

export async function seedVerdict(db: Database, jobId: number, v: { verdict: "flaky" | "known_problem" | "genuine"; patternId?: string | null; category?: string | null; signature?: string | null; at?: Date }): Promise<void> {
  await db.prisma.classification.create({
    data: { jobId, verdict: v.verdict, patternId: v.patternId ?? null, category: v.category ?? null, signature: v.signature ?? null, reason: "seeded", updatedAt: v.at, createdAt: v.at },
  });
}

export async function seedHeadCommit(db: Database, h: { sha: string; prNumbers?: number[]; branch?: string; baseBranch?: string; baseSha?: string; state?: "idle" | "pending" | "running" | "done" }): Promise<void> {
  await db.prisma.headCommit.create({
    data: { repositoryId: BigInt(SEED.repositoryId), sha: h.sha, prNumbers: h.prNumbers ?? [], branch: h.branch ?? null, baseBranch: h.baseBranch ?? null, baseSha: h.baseSha ?? null, state: h.state ?? "done" },
  });
}
