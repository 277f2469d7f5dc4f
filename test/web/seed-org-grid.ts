// Generated history of the organisation "acme" for the org grid's tests: 40 days of CI in three
// repositories (two private), seeded so every run is the same. Fixed facts on top, for assertions:
// a new genuine cause on the last day, a flaky cause seen long ago again, hostile log text, and
// api's successful jobs 50 % slower on the last day than the two weeks before. The verdicts are
// written straight to Classification, then the causes rollup the grid reads is built from them as
// the start-up backfill would (src/rollup/), and the durations rollup sums the days before today.
import type { PrismaClient } from "../../src/db/index.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { backfillCauses, settleDurations } from "../../src/rollup/index.js";
import { mulberry32 } from "../helpers/seeded-random.js";

export const GRID_NOW = new Date("2026-11-20T15:00:00Z");
export const TODAY = "2026-11-20";
export const HOSTILE_TEXT = "<script>window.pwned=1</script> AssertionError: expected 3 to be 4";
export const REPOS = { api: 101n, web: 102n, vault: 103n, elsewhere: 201n };
const DAY = 24 * 3600 * 1000;
const at = (daysAgo: number, hour = 10) => new Date(Date.UTC(2026, 10, 20) - daysAgo * DAY + hour * 3600_000);

export async function seedOrgGrid(prisma: PrismaClient): Promise<void> {
  await prisma.installation.create({ data: { id: 7n, accountLogin: "acme" } });
  await prisma.installation.create({ data: { id: 8n, accountLogin: "other" } });
  await prisma.repository.create({ data: { id: REPOS.api, installationId: 7n, owner: "acme", name: "api", private: true } });
  await prisma.repository.create({ data: { id: REPOS.web, installationId: 7n, owner: "acme", name: "web" } });
  await prisma.repository.create({ data: { id: REPOS.vault, installationId: 7n, owner: "acme", name: "vault", private: true } });
  await prisma.repository.create({ data: { id: REPOS.elsewhere, installationId: 8n, owner: "other", name: "api" } });
  const random = mulberry32(13);
  const jobs: Prisma.JobCreateManyInput[] = [];
  let ext = 0;
  const job = (repositoryId: bigint, daysAgo: number, seconds: number, conclusion: string, name = "build") =>
    jobs.push({ repositoryId, provider: "actions", externalId: String(++ext), headSha: "a".repeat(40), name, status: "completed", conclusion, startedAt: new Date(at(daysAgo).getTime() - seconds * 1000), completedAt: at(daysAgo) });
  // Background: 6 successful jobs a day per repository, api's around 100 s (150 s on the last day).
  for (const repo of [REPOS.api, REPOS.web, REPOS.vault, REPOS.elsewhere]) {
    for (let d = 0; d < 40; d++) for (let k = 0; k < 6; k++) job(repo, d, (repo === REPOS.api && d === 0 ? 150 : 100) + Math.floor(random() * 5), "success");
  }
  await prisma.job.createMany({ data: jobs });
  // Failures with verdicts.
  // Two failing tests each: the rollup counts them besides the failure, the grid counts the failure once.
  for (let i = 0; i < 2; i++) await fail(prisma, REPOS.api, 0, "genuine", { signature: "genuine:AssertionError: expected <n> to be <n>", patternId: "sift.genuine.assertion", matchedText: HOSTILE_TEXT, tests: ["cart adds", "cart removes"] });
  await fail(prisma, REPOS.api, 0, "flaky", { patternId: "npm-registry-5xx", signature: "npm-registry-5xx:npm ERR! 503", matchedText: "npm ERR! 503 Service Unavailable" });
  await fail(prisma, REPOS.api, 35, "flaky", { patternId: "npm-registry-5xx", signature: "npm-registry-5xx:npm ERR! 503", matchedText: "npm ERR! 503 Service Unavailable" });
  await fail(prisma, REPOS.api, 3, "known_problem", { patternId: "eslint-crash", signature: "eslint-crash:x", matchedText: "ESLint crashed" });
  await fail(prisma, REPOS.vault, 1, "genuine", { signature: "genuine:vault secret failure", matchedText: "vault-only error" });
  await fail(prisma, REPOS.elsewhere, 0, "genuine", { signature: "genuine:elsewhere", matchedText: "other org error" });
  // A failed job not classified yet.
  await prisma.job.create({ data: { repositoryId: REPOS.web, provider: "actions", externalId: "pending-1", headSha: "b".repeat(40), name: "lint", status: "completed", conclusion: "failure", completedAt: at(2) } });
  await backfillCauses(prisma);
  await settleDurations(prisma, GRID_NOW); // days before today from the durations rollup, today live
}

let failures = 0;
async function fail(prisma: PrismaClient, repositoryId: bigint, daysAgo: number, verdict: "genuine" | "flaky" | "known_problem", c: { signature: string; patternId?: string; matchedText: string; tests?: string[] }): Promise<void> {
  const job = await prisma.job.create({
    data: { repositoryId, provider: "actions", externalId: `fail-${++failures}`, headSha: "c".repeat(40), name: "test", status: "completed", conclusion: "failure", startedAt: new Date(at(daysAgo, 11).getTime() - 30_000), completedAt: at(daysAgo, 11) },
  });
  await prisma.classification.create({ data: { jobId: job.id, verdict, patternId: c.patternId ?? null, signature: c.signature, matchedText: c.matchedText, excerpt: `context\n${c.matchedText}`, reason: "test", createdAt: at(daysAgo, 11), updatedAt: at(daysAgo, 11) } });
  for (const testKey of c.tests ?? []) await prisma.failingTest.create({ data: { repositoryId, jobId: job.id, testKey, testId: testKey } });
}
