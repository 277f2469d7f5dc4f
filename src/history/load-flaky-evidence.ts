// Flips from the database: jobs that failed with one of the given tests (or, without test ids, the
// given failure signature) and then passed when re-run at the same commit — the same job across
// attempts, whoever asked for the re-run — plus tests a runner reported flaky itself, within the
// window. Read per repository and test key (FailingTest's index), bounded.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { evidenceSubjects, failingTestKey, type EvidencePolicy, type FlakyEvidence, type Flip, type TestRef } from "../decide/index.js";
import { isFailedConclusion, sameJobKey, type AnalysisReport } from "../model/index.js";

export interface FlakyEvidenceQuery {
  repositoryId: number;
  tests: TestRef[];
  signatures: string[];
  since: Date;
}

/** Rows read per kind: the newest, enough for any min_flips, bounded for the busiest tests. */
const MAX_ROWS = 2000;

const jobFields = { id: true, provider: true, externalId: true, runId: true, appSlug: true, name: true, headSha: true, runAttempt: true, conclusion: true, htmlUrl: true, completedAt: true } as const;

interface JobRow {
  id: number;
  provider: string;
  externalId: string;
  runId: bigint | null;
  appSlug: string | null;
  name: string;
  headSha: string;
  runAttempt: number;
  conclusion: string | null;
  htmlUrl: string | null;
  completedAt: Date | null;
}

const keyOf = (j: JobRow) => sameJobKey({ provider: j.provider, externalId: j.externalId, runId: j.runId, name: j.name, appSlug: j.appSlug });

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

/** The flips of a report's genuine failures (their tests or signatures); an error is kept as data (fail closed). */
export async function loadFlakyEvidenceOf(prisma: PrismaClient, report: AnalysisReport, policy: EvidencePolicy, now: Date, log: Pick<Logger, "error">): Promise<FlakyEvidence | undefined> {
  if (!policy.enabled) return undefined;
  const wanted = report.jobs.map((j) => evidenceSubjects(j.failure)).filter((w) => w !== null);
  if (wanted.length === 0) return undefined;
  try {
    return await loadFlakyEvidence(prisma, {
      repositoryId: Number(report.repo.id),
      tests: wanted.flatMap((w) => ("tests" in w ? w.tests : [])),
      signatures: wanted.flatMap((w) => ("signature" in w ? [w.signature] : [])),
      since: new Date(now.getTime() - policy.windowDays * 86_400_000),
    });
  } catch (err) {
    log.error({ err, sha: report.sha }, "reading flaky-test evidence failed; failures stay genuine");
    return { tests: [], signatures: [], error: `the database query failed: ${(err as Error).message.split("\n")[0]}` };
  }
}
