// The `notify` stage, after the check run is written: which events this analysis found (as the
// repository's `notifications:` settings allow), into the outbox. Sending is the sweep's job, so that
// a Slack outage or a restart loses nothing.
import type { SqlSession } from "../db/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { AnalysisStages, Metrics } from "../model/index.js";
import { enqueueNotification, touchOutageEpisode, type Notification } from "./enqueue-notification.js";
import { findNewCauses } from "./find-new-causes.js";
import { findOutages } from "./find-outages.js";
import { findRedBranch } from "./find-red-branch.js";

export interface NotifyStageDeps {
  prisma: PrismaClient;
  sql: SqlSession;
  githubWebUrl: string;
  metrics?: Metrics | undefined;
}

export function createNotifyStage(deps: NotifyStageDeps): NonNullable<AnalysisStages["notify"]> {
  return async (report, ctx) => {
    const want = ctx.config.settings.notifications;
    const now = ctx.now();
    const where = { installationId: ctx.repo.installationId, now, githubWebUrl: deps.githubWebUrl };
    const found: Notification[] = [];
    if (want.default_branch_red) found.push(...(await findRedBranch(deps.sql, report, where)));
    if (want.new_cause) found.push(...(await findNewCauses(deps.sql, report, where)));
    if (want.outage) found.push(...(await findOutages(deps.prisma, report, where)));
    for (const n of found) {
      if (n.episode && (await touchOutageEpisode(deps.prisma, n.episode, now))) continue;
      if (await enqueueNotification(deps.prisma, n, now, deps.metrics)) ctx.log.info(`notification queued: ${n.event} (${n.key})`);
    }
  };
}
