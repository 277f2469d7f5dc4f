// A commit with one failure of each class, and history for the flaky cause: shared by the
// database test and the browser test of the details page.
import type { PrismaClient } from "../../src/db/index.js";

export const SHA = "1234567890abcdef1234567890abcdef12345678";
export const NOW = new Date("2026-11-20T12:00:00Z");
export const HOSTILE_EXCERPT = [
  "npm test",
  "> widgets@1.0.0 test",
  "FAIL src/render.test.ts",
  "  Expected: \"<script>window.pwned = 1</script>\"",
  "  cc @someone see https://evil.example/x ``` </code></pre><img src=x onerror=\"window.pwned=2\">",
  "    at Object.<anonymous> (src/render.test.ts:14:5)",
].join("\n");

const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 3600 * 1000);

export async function seedDetails(prisma: PrismaClient): Promise<void> {
  await prisma.installation.create({ data: { id: 10n, accountLogin: "octo" } });
  await prisma.repository.create({ data: { id: 1n, installationId: 10n, owner: "octo", name: "widgets", private: false } });
  await prisma.repository.create({ data: { id: 2n, installationId: 10n, owner: "octo", name: "secret", private: true } });
  await prisma.checkRun.create({ data: { repositoryId: 1n, headSha: SHA, checkRunId: 777n, status: "completed", conclusion: "failure", title: "1 flaky, 1 known problem, 1 to fix" } });
  await job(prisma, { ext: "101", name: "unit tests", verdict: "genuine", reason: "no known pattern matched", excerpt: HOSTILE_EXCERPT, matched: "Expected: \"<script>window.pwned = 1</script>\"", line: 240 });
  // Its failing tests and why re-runs elsewhere did not make it flaky (test names come from the log).
  const unit = await prisma.job.findFirstOrThrow({ where: { externalId: "101" } });
  for (const [testId, file] of [["Cart › applies a discount", "src/cart.test.js"], ["renders <img src=x onerror=\"window.pwned=2\">", null]] as const) {
    await prisma.failingTest.create({ data: { repositoryId: 1n, jobId: unit.id, testKey: testId.replace(" › ", " "), testId, file } });
  }
  await prisma.failingTest.create({ data: { repositoryId: 1n, jobId: unit.id, testKey: "Cart totals", testId: "Cart totals", runnerFlaky: "jest re-ran it after a failure and it passed" } });
  await prisma.classification.update({
    where: { jobId: unit.id },
    data: {
      confidence: "medium",
      evidence: [{ text: 'Test "Cart › applies a discount" failed and then passed on re-run at the same commit on 1 PR in the last 30 days.', links: [{ label: "#12 (abc1234)", url: "https://github.com/octo/widgets/actions/runs/4/job/44" }, { label: "bad", url: "javascript:alert(4)" }] }],
    },
  });
  await job(prisma, { ext: "102", name: "e2e", verdict: "flaky", pattern: "npm-registry-5xx", reason: "the npm registry answered 503", excerpt: "npm ERR! code E503\nnpm ERR! 503 Service Unavailable", matched: "npm ERR! 503 Service Unavailable", line: 80 });
  const retried = await prisma.job.findFirstOrThrow({ where: { externalId: "102" } });
  await prisma.retry.create({ data: { repositoryId: 1n, jobId: retried.id, method: "job", trigger: "auto", status: "requested", cause: "npm-registry-5xx", attempt: 1, outcome: "success", createdAt: daysAgo(0) } });
  await prisma.job.create({ data: { repositoryId: 1n, provider: "actions", externalId: "103", headSha: SHA, name: "e2e", workflowName: "CI", runAttempt: 2, status: "completed", conclusion: "success", htmlUrl: "https://github.com/octo/widgets/actions/runs/5/job/103" } });
  await job(prisma, { ext: "104", name: "lint", verdict: "known_problem", pattern: "eslint-crash", reason: "eslint crashed on the runner", knownProblem: "https://github.com/octo/widgets/issues/12", excerpt: "Oops! Something went wrong!", matched: "Oops!", line: 12 });
  // History of the flaky cause: two recent failures on other commits, one too old to count, one in another repository.
  await job(prisma, { ext: "201", name: "e2e", sha: "b".repeat(40), verdict: "flaky", pattern: "npm-registry-5xx", reason: "503", at: daysAgo(3) });
  await job(prisma, { ext: "202", name: "integration", sha: "c".repeat(40), verdict: "flaky", pattern: "npm-registry-5xx", reason: "503", at: daysAgo(10) });
  await job(prisma, { ext: "203", name: "old", sha: "d".repeat(40), verdict: "flaky", pattern: "npm-registry-5xx", reason: "503", at: daysAgo(40) });
  await job(prisma, { ext: "301", repo: 2n, name: "private job", sha: SHA, verdict: "flaky", pattern: "npm-registry-5xx", reason: "503", at: daysAgo(1) });
}

interface SeedJob {
  ext: string;
  name: string;
  verdict: "genuine" | "flaky" | "known_problem";
  reason: string;
  repo?: bigint;
  sha?: string;
  pattern?: string;
  excerpt?: string;
  matched?: string;
  line?: number;
  knownProblem?: string;
  at?: Date;
}

async function job(prisma: PrismaClient, j: SeedJob): Promise<void> {
  const at = j.at ?? NOW;
  await prisma.job.create({
    data: {
      repositoryId: j.repo ?? 1n,
      provider: "actions",
      externalId: j.ext,
      headSha: j.sha ?? SHA,
      name: j.name,
      workflowName: "CI",
      runAttempt: 1,
      status: "completed",
      conclusion: "failure",
      completedAt: at,
      htmlUrl: `https://github.com/octo/widgets/actions/runs/5/job/${j.ext}`,
      classification: {
        create: {
          verdict: j.verdict,
          patternId: j.pattern ?? null,
          reason: j.reason,
          excerpt: j.excerpt ?? null,
          matchedText: j.matched ?? null,
          line: j.line ?? null,
          knownProblem: j.knownProblem ?? null,
          createdAt: at,
          updatedAt: at,
        },
      },
    },
  });
}
