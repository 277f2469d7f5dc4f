// Stored failures for backtests: real corpus logs, kept as the classify stage keeps them, with the
// verdict the built-ins gave them.
import { join } from "node:path";
import { classify } from "../../src/classify/index.js";
import { configFromFiles } from "../../src/config/index.js";
import type { Database } from "../../src/db/index.js";
import { failureTextOf, saveFailureText } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { SEED, seedJob } from "../helpers/seed-jobs.js";

export const RUFF = "genuine/gha-tagstudio-ruff-format-check.raw.log";
export const NIFI = "flaky-test/gha-apache-nifi-sftp-test-connection-reset.raw.log";

const VERDICT = { flaky: "flaky", "known-problem": "known_problem", genuine: "genuine" } as const;

export async function seedStoredFailure(db: Database, o: { externalId: number; name: string; corpus: string; at: Date; knownProblem?: string }): Promise<number> {
  const jobId = await seedJob(db, { externalId: o.externalId, name: o.name, sha: String(o.externalId).padStart(40, "0") });
  const log = normaliseLog(readCorpusFile(join(corpusDir(), "logs", o.corpus)));
  const compiled = configFromFiles([], SEED.owner, SEED.repo).compiled;
  const v = classify({ log, compiled, context: { jobName: o.name } });
  await db.prisma.classification.create({
    data: {
      jobId,
      verdict: o.knownProblem ? "known_problem" : VERDICT[v.class],
      patternId: v.patternId,
      reason: v.reason,
      patternSetHash: compiled.hash,
      knownProblem: o.knownProblem ?? null,
      createdAt: o.at,
      updatedAt: o.at,
    },
  });
  await saveFailureText(db.prisma, { jobId, repositoryId: SEED.repositoryId, now: o.at }, failureTextOf(log));
  return jobId;
}
