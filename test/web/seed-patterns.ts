// A month of pattern activity for the patterns and search pages: a flaky pattern whose re-runs rarely
// pass (demoted), one that rescues, an observed pattern, a recurring genuine failure that passes on
// re-run across pull requests (a suggestion), stored failure texts with hostile lines, and a private
// repository that must stay apart.
import type { PrismaClient } from "../../src/db/index.js";
import { failureSignature } from "../../src/classify/index.js";
import { failureTextOf, saveFailureText } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";

export const NOW = new Date("2026-11-20T12:00:00Z");
export const HOSTILE = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>";
/** The recurring genuine failure line: numbers vary per run. */
export const socketLine = (n: number) => `Error: socket closed by 10.0.0.${n}:5432 after ${n}s ${HOSTILE}`;
const DAY = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

let ext = 0;

async function failure(prisma: PrismaClient, o: { repo: bigint; name: string; sha: string; days: number; verdict: "flaky" | "genuine"; pattern: string | null; lines: string[]; observed?: string[]; prs?: number[]; retries?: (string | null)[]; passedOnRerun?: boolean }): Promise<number> {
  const at = daysAgo(o.days);
  const job = await prisma.job.create({
    data: { repositoryId: o.repo, provider: "actions", externalId: String(++ext), headSha: o.sha, name: o.name, workflowName: "CI", runId: BigInt(7000 + ext), runAttempt: 1, status: "completed", conclusion: "failure", prNumbers: o.prs ?? [], completedAt: at },
  });
  const last = o.lines[o.lines.length - 1] ?? "";
  await prisma.classification.create({
    data: {
      jobId: job.id, verdict: o.verdict, patternId: o.pattern, reason: "seeded", matchedText: last, observedPatternIds: o.observed ?? [],
      signature: o.verdict === "genuine" ? `genuine:${failureSignature(last)}` : `${o.pattern}:x`, createdAt: at, updatedAt: at,
    },
  });
  const log = normaliseLog(["##[group]Run make test", "make test", "##[endgroup]", ...o.lines, "##[error]Process completed with exit code 1."].join("\n") + "\n");
  await saveFailureText(prisma, { jobId: job.id, repositoryId: o.repo, now: at }, failureTextOf(log));
  for (const outcome of o.retries ?? []) {
    await prisma.retry.create({ data: { repositoryId: o.repo, jobId: job.id, method: "job", trigger: "auto", status: "requested", cause: o.pattern, attempt: 1, outcome, createdAt: at } });
  }
  if (o.passedOnRerun) {
    await prisma.job.create({
      data: { repositoryId: o.repo, provider: "actions", externalId: String(++ext), headSha: o.sha, name: o.name, workflowName: "CI", runId: job.runId, runAttempt: 2, status: "completed", conclusion: "success", prNumbers: o.prs ?? [], completedAt: at },
    });
  }
  return job.id;
}

export async function seedPatterns(prisma: PrismaClient): Promise<void> {
  await prisma.installation.create({ data: { id: 10n, accountLogin: "octo" } });
  await prisma.repository.create({ data: { id: 1n, installationId: 10n, owner: "octo", name: "widgets", defaultBranch: "trunk" } });
  await prisma.repository.create({ data: { id: 2n, installationId: 10n, owner: "octo", name: "secret", private: true } });
  await prisma.repositoryPatternSet.create({
    data: {
      repositoryId: 1n, hash: "h1",
      patterns: [
        { id: "gha.runner-lost", origin: "builtin", class: "flaky", category: "runner", observe: false },
        { id: "net.reset", origin: "builtin", class: "flaky", category: "network", observe: false },
        { id: "watch.oom", origin: "repo", class: "flaky", category: "memory", observe: true },
        { id: "never.matches", origin: "repo", class: "flaky", category: "other", observe: false },
      ],
      demote: { enabled: true, min_rescue_rate: 0.3, min_reruns: 10, promote: [] },
    },
  });
  // gha.runner-lost: 12 re-runs, 2 passed → demoted. net.reset: 4 re-runs, 3 passed.
  for (let i = 0; i < 6; i++) {
    await failure(prisma, { repo: 1n, name: "build", sha: `a${i}`.padEnd(40, "0"), days: 1 + i, verdict: "flaky", pattern: "gha.runner-lost", lines: ["The runner has received a shutdown signal."], retries: i < 2 ? ["success", "failure"] : ["failure", "failure"] });
  }
  await failure(prisma, { repo: 1n, name: "fetch", sha: "b".repeat(40), days: 2, verdict: "flaky", pattern: "net.reset", lines: ["curl: (56) Connection reset by peer"], retries: ["success", "success", "success", "failure"], observed: ["watch.oom"] });
  // The recurring genuine failure: 4 jobs on 3 pull requests, 3 passed on re-run at the same commit.
  for (let i = 0; i < 4; i++) {
    await failure(prisma, { repo: 1n, name: "integration", sha: `c${i}`.padEnd(40, "0"), days: 3 + i, verdict: "genuine", pattern: "sift.genuine.error", lines: ["connecting to db", socketLine(i + 2)], prs: [10 + Math.min(i, 2)], passedOnRerun: i < 3 });
  }
  // A genuine failure of one pull request only: never a suggestion.
  for (let i = 0; i < 3; i++) {
    await failure(prisma, { repo: 1n, name: "lint", sha: `d${i}`.padEnd(40, "0"), days: 2, verdict: "genuine", pattern: "sift.genuine.error", lines: ["src/a.ts:1:1 error no-unused-vars"], prs: [20], passedOnRerun: true });
  }
  await failure(prisma, { repo: 2n, name: "private-build", sha: "e".repeat(40), days: 1, verdict: "flaky", pattern: "gha.runner-lost", lines: ["secret failure text"], retries: ["success"] });
}
