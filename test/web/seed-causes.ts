// A seeded history of failures for the causes pages: four repositories (one private, one of another
// owner), 40 days, causes with a long tail (a few frequent, many rare), one hostile cause, written
// through the real verdict path (saveClassifications) so the rollup is kept as in production.
import { saveClassifications } from "../../src/analyse/save-classifications.js";
import type { PrismaClient } from "../../src/db/index.js";
import { failClosed, type JobReport, type VerdictClass } from "../../src/model/index.js";
import { mulberry32 } from "../helpers/seeded-random.js";

export const NOW = new Date("2026-11-20T12:00:00Z");
export const HOSTILE_LINE = "<script>window.pwned=true</script> expected <img src=x onerror=window.pwned=true>";
const DAY = 24 * 3600 * 1000;

export interface CauseSpec {
  verdict: VerdictClass;
  patternId: string;
  category: string | null;
  /** The stored signature, and the key the causes pages should group it under. */
  signature: string | null;
  key: string;
  tests: string[];
}

const CAUSES: CauseSpec[] = [
  { verdict: "flaky", patternId: "net.reset", category: "network", signature: "net.reset:read ECONNRESET", key: "net.reset", tests: [] },
  { verdict: "genuine", patternId: "sift.genuine.test-failure", category: "test", signature: "genuine:AssertionError: expected <n> to equal <n> at src/cart.test.ts:<n>", key: "AssertionError: expected <n> to equal <n> at <path>:<n>", tests: ["cart adds an item"] },
  { verdict: "known-problem", patternId: "eslint-crash", category: "lint", signature: null, key: "eslint-crash", tests: [] },
  { verdict: "flaky", patternId: "disk-full", category: "disk", signature: "disk-full:No space left on device", key: "disk-full", tests: [] },
  { verdict: "genuine", patternId: "sift.genuine.compile-error", category: "build", signature: "genuine:/home/runner/work/app/app/src/x.ts(<n>,<n>): error TS<n>: Cannot find name 'foo'.", key: "<path>(<n>,<n>): error TS<n>: Cannot find name 'foo'.", tests: [] },
  ...Array.from({ length: 12 }, (_, i): CauseSpec => ({ verdict: "genuine", patternId: "sift.genuine.test-failure", category: "test", signature: `genuine:rare failure number-${"abcdefghijkl"[i]}`, key: `rare failure number-${"abcdefghijkl"[i]}`, tests: [`rare test ${i}`] })),
  { verdict: "genuine", patternId: "sift.genuine.test-failure", category: "test", signature: `genuine:${HOSTILE_LINE}`, key: HOSTILE_LINE, tests: [] },
];

export interface SeededFailure {
  jobId: number;
  repositoryId: bigint;
  name: string;
  cause: CauseSpec;
  completedAt: Date;
  seconds: number;
}

export const REPOS = [
  { id: 1n, owner: "octo", name: "app", private: false },
  { id: 2n, owner: "octo", name: "vault", private: true },
  { id: 3n, owner: "octo", name: "tools", private: false },
  { id: 4n, owner: "other", name: "x", private: false },
];

export async function seedCauses(prisma: PrismaClient, count = 80): Promise<SeededFailure[]> {
  await prisma.installation.create({ data: { id: 10n, accountLogin: "octo" } });
  for (const r of REPOS) await prisma.repository.create({ data: { ...r, installationId: 10n } });
  const random = mulberry32(13);
  const out: SeededFailure[] = [];
  const plans = Array.from({ length: count }, (_, i) => {
    // long tail: the first causes often, the rare ones now and then; the hostile cause once, yesterday, in octo/app
    const cause = i === 0 ? CAUSES.at(-1)! : CAUSES[Math.min(CAUSES.length - 2, Math.floor(CAUSES.length * random() ** 2.5))]!;
    const repo = i === 0 ? REPOS[0]! : REPOS[Math.floor(random() * REPOS.length)]!;
    const completedAt = new Date(NOW.getTime() - (i === 0 ? DAY : Math.floor(random() * 40 * DAY)));
    const seconds = 60 + Math.floor(random() * 20) * 60;
    const name = ["build", "test", "lint", "e2e"][Math.floor(random() * 4)]!;
    return { i, cause, repo, completedAt, seconds, name };
  });
  await prisma.job.createMany({
    data: plans.map((p) => ({ repositoryId: p.repo.id, provider: "actions" as const, externalId: String(1000 + p.i), headSha: p.i.toString(16).padStart(40, "0"), name: p.name, runId: BigInt(p.i), status: "completed", conclusion: "failure", startedAt: new Date(p.completedAt.getTime() - p.seconds * 1000), completedAt: p.completedAt })),
  });
  const rows = new Map((await prisma.job.findMany()).map((j) => [j.externalId, j]));
  const reports = new Map<bigint, JobReport[]>();
  for (const { i, cause, repo, completedAt, seconds, name } of plans) {
    const row = rows.get(String(1000 + i))!;
    const failure = { ...failClosed("seeded"), class: cause.verdict, patternId: cause.patternId, category: cause.category, signature: cause.signature, matchedText: `${cause.key} (failure ${i})`, excerpt: `line before\n${cause.key}\nline after`, tests: cause.tests.map((id) => ({ id })) };
    reports.set(repo.id, [...(reports.get(repo.id) ?? []), { job: { ...row, runId: String(i), provider: "actions", steps: null }, failure, finalClass: cause.verdict, knownProblem: null, retry: null, attempts: [] }]);
    out.push({ jobId: row.id, repositoryId: repo.id, name, cause, completedAt, seconds });
  }
  for (const [repositoryId, jobs] of reports) await prisma.$transaction((tx) => saveClassifications(tx, jobs, Number(repositoryId)), { timeout: 60_000 });
  return out;
}
