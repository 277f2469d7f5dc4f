// Stored failures of real corpus logs in any repository, classified with the built-ins and kept as
// the classify stage keeps them: what a re-classification starts from.
import { join } from "node:path";
import { classify } from "../../src/classify/index.js";
import { configFromFiles, type LoadedConfig } from "../../src/config/index.js";
import type { Database } from "../../src/db/index.js";
import { failureTextOf, saveFailureText } from "../../src/keep/index.js";
import { normaliseLog, type NormalisedLog } from "../../src/logs/index.js";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { SEED } from "../helpers/seed-jobs.js";

const logs = new Map<string, NormalisedLog>();
const normalised = (corpus: string) => logs.get(corpus) ?? logs.set(corpus, normaliseLog(readCorpusFile(join(corpusDir(), "logs", corpus)))).get(corpus)!;
const VERDICT = { flaky: "flaky", "known-problem": "known_problem", genuine: "genuine" } as const;

export async function seedRepo(db: Database, id: number, name: string): Promise<void> {
  await db.prisma.repository.create({ data: { id: BigInt(id), installationId: BigInt(SEED.installationId), owner: SEED.owner, name } });
}

export async function storeFailure(db: Database, o: { repositoryId: number; externalId: number; name: string; corpus: string; sha?: string; at?: Date }): Promise<number> {
  const at = o.at ?? new Date(Date.now() - 24 * 3600 * 1000);
  const job = await db.prisma.job.create({
    data: { repositoryId: BigInt(o.repositoryId), provider: "actions", externalId: String(o.externalId), headSha: o.sha ?? String(o.externalId).padStart(40, "0"), name: o.name, workflowName: "CI", status: "completed", conclusion: "failure", headBranch: "feature" },
  });
  const log = normalised(o.corpus);
  const compiled = configFromFiles([], SEED.owner, "any").compiled;
  const v = classify({ log, compiled, context: { jobName: o.name, workflowName: "CI", branch: "feature" }, signals: { conclusion: "failure" } });
  await db.prisma.classification.create({
    data: { jobId: job.id, verdict: VERDICT[v.class], patternId: v.patternId, reason: v.reason, patternSetHash: compiled.hash, createdAt: at, updatedAt: at },
  });
  await saveFailureText(db.prisma, { jobId: job.id, repositoryId: o.repositoryId, now: at }, failureTextOf(log));
  return job.id;
}

/** A repository's config with these patterns (and the built-ins). */
export function configWith(repo: string, patterns: object[]): LoadedConfig {
  return configFromFiles([{ owner: SEED.owner, repo, path: ".github/sift.yml", config: { patterns } }], SEED.owner, repo);
}
