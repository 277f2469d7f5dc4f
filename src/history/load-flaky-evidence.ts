// Flips from the database: jobs that failed with one of the given tests (or, without test ids, the
// given failure signature) and then passed when re-run at the same commit — the same job across
// attempts, whoever asked for the re-run — plus tests a runner reported flaky itself, within the
// window. Read per repository and test key (FailingTest's index), bounded.
import type { PrismaClient } from "../generated/prisma/client.js";
import { attemptKey, failingTestKey, isFailedConclusion, type FlakyEvidence, type Flip, type TestRef } from "../decide/index.js";

export interface FlakyEvidenceQuery {
  repositoryId: number;
  tests: TestRef[];
  signatures: string[];
  since: Date;
}

/** Rows read per kind: the newest, enough for any min_flips, bounded for the busiest tests. */
const MAX_ROWS = 2000;

const jobFields = { id: true, provider: true, runId: true, name: true, headSha: true, runAttempt: true, conclusion: true, htmlUrl: true, completedAt: true } as const;

interface JobRow {
  id: number;
  provider: string;
  runId: bigint | null;
  name: string;
  headSha: string;
  runAttempt: number;
  conclusion: string | null;
  htmlUrl: string | null;
  completedAt: Date | null;
}

const keyOf = (j: JobRow) => attemptKey({ provider: j.provider as "actions", runId: j.runId === null ? null : String(j.runId), name: j.name });

export async function loadFlakyEvidence(prisma: PrismaClient, q: FlakyEvidenceQuery): Promise<FlakyEvidence> {
  const repositoryId = BigInt(q.repositoryId);
  const keys = [...new Set(q.tests.map((t) => failingTestKey(t.id)))];
  const signatures = [...new Set(q.signatures)];
  const recent = { repositoryId, completedAt: { gte: q.since } };
  const [tests, failures] = await Promise.all([
    keys.length === 0
      ? []
      : prisma.failingTest.findMany({
          where: { repositoryId, testKey: { in: keys }, job: recent },
          select: { testId: true, file: true, runnerFlaky: true, job: { select: jobFields } },
          orderBy: { id: "desc" },
          take: MAX_ROWS,
        }),
    signatures.length === 0
      ? []
      : prisma.classification.findMany({
          where: { signature: { in: signatures }, job: recent },
          select: { signature: true, job: { select: jobFields } },
          orderBy: { id: "desc" },
          take: MAX_ROWS,
        }),
  ]);
  const failed = [...tests.filter((t) => t.runnerFlaky === null).map((t) => t.job), ...failures.map((f) => f.job)].filter((j) => isFailedConclusion(j.conclusion));
  const shas = [...new Set([...tests.map((t) => t.job.headSha), ...failures.map((f) => f.job.headSha)])];
  const [attempts, heads] = await Promise.all([
    failed.length === 0 ? [] : prisma.job.findMany({ where: { repositoryId, headSha: { in: [...new Set(failed.map((j) => j.headSha))] }, conclusion: "success" }, select: jobFields }),
    shas.length === 0 ? [] : prisma.headCommit.findMany({ where: { repositoryId, sha: { in: shas } }, select: { sha: true, prNumbers: true } }),
  ]);
  const prs = new Map(heads.map((h) => [h.sha, h.prNumbers]));
  // The later attempt of the same job that passed, per failed attempt.
  const passing = new Map<string, JobRow[]>();
  for (const a of attempts) passing.set(`${a.headSha}\u0000${keyOf(a)}`, [...(passing.get(`${a.headSha}\u0000${keyOf(a)}`) ?? []), a]);
  const passedLater = (j: JobRow): JobRow | undefined => passing.get(`${j.headSha}\u0000${keyOf(j)}`)?.find((a) => a.runAttempt > j.runAttempt);
  const flipOf = (failedJob: JobRow, passed: JobRow, runnerSaid?: string): Flip => ({
    sha: failedJob.headSha,
    prNumbers: prs.get(failedJob.headSha) ?? [],
    jobName: failedJob.name,
    url: passed.htmlUrl,
    at: passed.completedAt ?? failedJob.completedAt ?? q.since,
    ...(runnerSaid === undefined ? {} : { runnerSaid }),
  });

  const out: FlakyEvidence = { tests: [], signatures: [] };
  for (const t of tests) {
    if (t.runnerFlaky !== null) {
      out.tests.push({ id: t.testId, file: t.file, flip: flipOf(t.job, t.job, t.runnerFlaky) });
      continue;
    }
    const passed = isFailedConclusion(t.job.conclusion) ? passedLater(t.job) : undefined;
    if (passed) out.tests.push({ id: t.testId, file: t.file, flip: flipOf(t.job, passed) });
  }
  for (const f of failures) {
    const passed = isFailedConclusion(f.job.conclusion) ? passedLater(f.job) : undefined;
    if (passed && f.signature !== null) out.signatures.push({ signature: f.signature, jobName: f.job.name, flip: flipOf(f.job, passed) });
  }
  return out;
}
