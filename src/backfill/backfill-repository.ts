// One repository's backfill round: workflow runs, then the heads of open PRs and the default branch.
import type { BackfillRound } from "./backfill-context.js";
import { backfillHeads } from "./backfill-heads.js";
import { backfillRuns } from "./backfill-runs.js";

export async function backfillRepository(round: BackfillRound): Promise<{ stored: number }> {
  const stored = (await backfillRuns(round)) + (await backfillHeads(round));
  if (stored > 0) round.log.info(`backfill: ${stored} job(s) of ${round.repo.owner}/${round.repo.name} that no webhook brought were stored`);
  return { stored };
}
