// The rollup for verdicts written before it existed (or by a version that did not keep it): every
// classified job without cause rows gets them, in batches, each batch its own transaction. Runs at
// start in the background; `rebuildCauses` throws the rollup away and sums it again from scratch.
import type { PrismaClient } from "../generated/prisma/client.js";
import { REBUILD_CAUSE_SERIES } from "./refresh-cause-series.js";
import { REBUILD_DAILY_CAUSES } from "./refresh-daily-causes.js";
import { REBUILD_FIRST_SEEN } from "./refresh-first-seen.js";
import { REBUILD_ORG_CAUSES } from "./refresh-org-causes.js";
import { syncJobCauses } from "./sync-job-causes.js";

const BATCH = 500;

/** Jobs given cause rows. */
export async function backfillCauses(prisma: PrismaClient, opts: { batch?: number; signal?: AbortSignal } = {}): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    if (opts.signal?.aborted) return done;
    const rows = await prisma.classification.findMany({
      where: { jobId: { gt: after }, job: { causes: { none: {} } } },
      select: { jobId: true },
      orderBy: { jobId: "asc" },
      take: opts.batch ?? BATCH,
    });
    if (rows.length === 0) return done;
    after = rows.at(-1)!.jobId;
    done += await prisma.$transaction((tx) => syncJobCauses(tx, rows.map((r) => r.jobId)), { timeout: 60_000 });
  }
}

/** Every cause row written again from the stored verdicts (after a change of what a cause is). */
export async function rebuildCauses(prisma: PrismaClient): Promise<number> {
  await prisma.jobCause.deleteMany({});
  const done = await backfillCauses(prisma, { batch: 2000 });
  await prisma.$transaction(async (tx) => {
    for (const statement of [...REBUILD_DAILY_CAUSES, ...REBUILD_FIRST_SEEN, ...REBUILD_CAUSE_SERIES, ...REBUILD_ORG_CAUSES]) await tx.$executeRawUnsafe(statement);
  }, { timeout: 600_000 });
  return done;
}
