// merge_group: checks_requested makes the group's SHA a head commit whose Sift check must conclude
// (analysed like a PR head, against the queue's base); destroyed after a failure is an ejection.
import type { Database } from "../db/index.js";
import type { Metrics } from "../model/index.js";
import { scheduleRequired, type Timing } from "../schedule/index.js";
import { parseMergeGroupRef } from "./merge-group-ref.js";
import { recordEjection } from "./record-ejection.js";
import type { mergeGroupPayload } from "./schemas.js";
import { upsertHeadCommit } from "./upsert-head-commit.js";
import { upsertRepository } from "./upsert-repository.js";
import type { z } from "zod";

/** Reasons of `destroyed` that take a group out of the queue because it failed (not `merged`). */
const EJECTED = new Set(["dequeued", "invalidated"]);

export async function storeMergeGroup(
  deps: { db: Database; timing: Timing; now: () => Date; metrics: Metrics },
  p: z.infer<typeof mergeGroupPayload>,
): Promise<void> {
  const { sql, prisma } = deps.db;
  const now = deps.now();
  const group = p.merge_group;
  await upsertRepository(sql, p.installation.id, p.repository, now);
  if (p.action === "checks_requested") {
    const { branch, prNumber } = parseMergeGroupRef(group.head_ref);
    const baseBranch = group.base_ref ? group.base_ref.replace(/^refs\/heads\//, "") : null;
    const info = { sha: group.head_sha, branch, baseBranch, baseSha: group.base_sha ?? null, prNumbers: prNumber ? [prNumber] : [] };
    await upsertHeadCommit(sql, p.repository.id, info, now);
    await scheduleRequired(sql, { repositoryId: p.repository.id, sha: group.head_sha, now }, deps.timing);
  } else if (p.action === "destroyed" && p.reason && EJECTED.has(p.reason)) {
    const causes = await recordEjection(prisma, { repositoryId: p.repository.id, sha: group.head_sha, reason: p.reason, now });
    for (const cause of causes ?? []) deps.metrics.mergeQueueEjections?.inc({ cause });
  }
}
