// One re-classification as the worker runs it: the repository asked for over the last 30 days,
// claimed, and its stored failures classified again with these patterns (and the built-ins).
import pino from "pino";
import type { Database } from "../../src/db/index.js";
import { claimReclassification, reclassifyRepository, requestReclassification, type ReclassifyDeps, type ReclassifyOutcome } from "../../src/reclassify/index.js";
import { configWith } from "./seed-stored.js";

/** The pattern these tests turn on: ruff's "Would reformat" line, which the built-ins call genuine, made flaky. */
export const REFORMAT_IS_FLAKY = [{ id: "reformat-is-flaky", regex: "Would reformat: ", class: "flaky" }];

/** A worker "w1" whose repositories' configs carry these patterns; `over` changes any part. */
export function reclassifyDeps(db: Database, patterns: object[], over: Partial<ReclassifyDeps> = {}): ReclassifyDeps {
  return {
    prisma: db.prisma, log: pino({ level: "silent" }), now: () => new Date(), owner: "w1", leaseSeconds: 60,
    loadConfig: async (c) => configWith(c.repo, patterns),
    reanalyse: async () => {},
    ...over,
  };
}

export async function reclassifyWith(db: Database, repositoryId: number, patterns: object[], now = new Date()): Promise<ReclassifyOutcome> {
  await requestReclassification(db.prisma, { repositoryIds: [repositoryId], reason: "test", since: new Date(now.getTime() - 30 * 24 * 3600 * 1000), now });
  const claim = await claimReclassification(db.sql, { owner: "w1", now, leaseSeconds: 60 });
  if (!claim) throw new Error("the requested re-classification could not be claimed");
  return reclassifyRepository(reclassifyDeps(db, patterns), claim);
}
