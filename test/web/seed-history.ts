// A month of one repository's CI, for the history page's data, route, metrics and browser tests:
// causes old and new (one with a hostile pattern id and job name), default-branch commits settled
// and not, successful runs whose durations grow, and a private repository that must stay apart.
import type { PrismaClient } from "../../src/db/index.js";

export const NOW = new Date("2026-11-20T12:00:00Z");
export const HOSTILE_PATTERN = "<script>window.pwned=1</script>";
export const HOSTILE_JOB = "<img src=x onerror=window.pwned=2>";
const DAY = 24 * 3600 * 1000;
export const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
export const sha = (c: string) => c.repeat(40);

/** Default-branch commits of octo/widgets: m = main. */
export const MAIN = { m1: sha("1"), m2: sha("2"), m3: sha("3"), m4: sha("4"), m5: sha("5"), m6: sha("6"), m7: sha("7"), m8: sha("8"), m0: sha("0"), feature: sha("f") };

let ext = 0;

export async function seedHistory(prisma: PrismaClient): Promise<void> {
  await prisma.installation.create({ data: { id: 10n, accountLogin: "octo" } });
  await prisma.repository.create({ data: { id: 1n, installationId: 10n, owner: "octo", name: "widgets" } });
  await prisma.repository.create({ data: { id: 2n, installationId: 10n, owner: "octo", name: "secret", private: true } });
  await prisma.repository.create({ data: { id: 3n, installationId: 10n, owner: "octo", name: "empty" } });

  // main: m1 flaky only, m2 known problem, m3 green, m4 still running, m5 flaky only, m6 and m7 genuine, m8 waiting for analysis.
  await commit(prisma, 1n, MAIN.m0, "main", "done", 40);
  await commit(prisma, 1n, MAIN.m1, "main", "done", 12);
  await commit(prisma, 1n, MAIN.m2, "main", "done", 10);
  await commit(prisma, 1n, MAIN.m3, "main", "idle", 8);
  await commit(prisma, 1n, MAIN.m4, "main", "idle", 6);
  await commit(prisma, 1n, MAIN.m5, "main", "done", 3);
  await commit(prisma, 1n, MAIN.m6, "main", "done", 2);
  await commit(prisma, 1n, MAIN.m7, "main", "done", 1);
  await commit(prisma, 1n, MAIN.m8, "main", "pending", 0.5);
  await commit(prisma, 1n, MAIN.feature, "feature", "done", 1);
  await run(prisma, 1n, "build", MAIN.m3, daysAgo(8), 90, "success");
  await run(prisma, 1n, "build", MAIN.m4, daysAgo(6), 90, "in_progress");

  await fail(prisma, { sha: MAIN.m0, name: "unit tests", verdict: "genuine", days: 40 });
  await fail(prisma, { sha: MAIN.m1, name: "e2e", verdict: "flaky", pattern: "npm-registry-5xx", category: "network", days: 12 });
  await fail(prisma, { sha: MAIN.feature, name: "integration", verdict: "flaky", pattern: "npm-registry-5xx", category: "network", days: 5 });
  await fail(prisma, { sha: MAIN.feature, name: "e2e", verdict: "flaky", pattern: "npm-registry-5xx", category: "network", days: 3 });
  await fail(prisma, { sha: MAIN.feature, name: "e2e", verdict: "flaky", pattern: "npm-registry-5xx", category: "network", days: 1 });
  await fail(prisma, { sha: sha("9"), name: "e2e", verdict: "flaky", pattern: "npm-registry-5xx", category: "network", days: 40 });
  await fail(prisma, { sha: MAIN.m2, name: "lint", verdict: "known_problem", pattern: "eslint-crash", category: "lint", days: 10 });
  await fail(prisma, { sha: MAIN.m6, name: "lint", verdict: "known_problem", pattern: "eslint-crash", category: "lint", days: 2 });
  await fail(prisma, { sha: sha("a"), name: "build", verdict: "flaky", pattern: "disk-full", category: "runner", days: 60 });
  await fail(prisma, { sha: MAIN.m5, name: "build", verdict: "flaky", pattern: "disk-full", category: "runner", days: 3 });
  await fail(prisma, { sha: MAIN.m6, name: HOSTILE_JOB, verdict: "genuine", pattern: HOSTILE_PATTERN, category: "runner", days: 2 });
  await fail(prisma, { sha: MAIN.m7, name: "unit tests", verdict: "genuine", signature: "sig-abc", days: 1 });

  // Durations: build 100 s a run last week, 120 s this week (140 s once today); test only this week.
  const from = Date.UTC(2026, 10, 7);
  for (let d = 0; d < 14; d++) await run(prisma, 1n, "build", sha("b"), new Date(from + d * DAY + 10 * 3600_000), d < 7 ? 100 : 120, "success");
  await run(prisma, 1n, "build", sha("b"), new Date(from + 13 * DAY + 11 * 3600_000), 140, "success");
  await run(prisma, 1n, "build", sha("b"), new Date(from + 13 * DAY + 9 * 3600_000), 5, "failure");
  for (const s of [60, 80, 100]) await run(prisma, 1n, "test", sha("b"), daysAgo(1), s, "success");
  for (let i = 0; i < 10; i++) await run(prisma, 1n, `job-${i}`, sha("b"), daysAgo(2), 30, "success");
  for (const s of [45, 50]) await run(prisma, 1n, HOSTILE_JOB, sha("b"), daysAgo(2), s, "success");

  // The private repository: its own cause and a green default branch.
  await commit(prisma, 2n, sha("c"), "main", "done", 1);
  await fail(prisma, { repo: 2n, sha: sha("c"), name: "private job", verdict: "flaky", pattern: "private-cause", category: "network", days: 1 });
}

async function commit(prisma: PrismaClient, repositoryId: bigint, s: string, branch: string, state: "idle" | "pending" | "done", days: number): Promise<void> {
  const at = daysAgo(days);
  await prisma.headCommit.create({ data: { repositoryId, sha: s, branch, state, createdAt: at, analysedAt: state === "done" ? at : null } });
}

async function run(prisma: PrismaClient, repositoryId: bigint, name: string, s: string, completedAt: Date, seconds: number, conclusion: string): Promise<void> {
  const done = conclusion !== "in_progress";
  await prisma.job.create({
    data: {
      repositoryId, provider: "actions", externalId: String(++ext + 10_000), headSha: s, name, workflowName: "CI", status: done ? "completed" : "in_progress",
      conclusion: done ? conclusion : null, startedAt: new Date(completedAt.getTime() - seconds * 1000), completedAt: done ? completedAt : null,
    },
  });
}

async function fail(
  prisma: PrismaClient,
  f: { repo?: bigint; sha: string; name: string; verdict: "flaky" | "known_problem" | "genuine"; pattern?: string; category?: string; signature?: string; days: number },
): Promise<void> {
  const at = daysAgo(f.days);
  await prisma.job.create({
    data: {
      repositoryId: f.repo ?? 1n, provider: "actions", externalId: String(++ext), headSha: f.sha, name: f.name, workflowName: "CI", status: "completed",
      conclusion: "failure", startedAt: new Date(at.getTime() - 60_000), completedAt: at,
      classification: { create: { verdict: f.verdict, patternId: f.pattern ?? null, category: f.category ?? null, signature: f.signature ?? null, reason: "seeded", createdAt: at, updatedAt: at } },
    },
  });
}
