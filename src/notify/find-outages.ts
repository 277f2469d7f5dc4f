// Outages of the causes this report saw (history/load-outages.ts applies decide/outages.ts): one message
// per episode of a cause in an installation. The key holds the episode's start; later sightings only
// keep the episode open (enqueue-notification.ts: touchOutageEpisode).
import type { PrismaClient } from "../generated/prisma/client.js";
import { loadOutages } from "../history/index.js";
import { failureKind, type AnalysisReport } from "../model/index.js";
import type { Notification } from "./enqueue-notification.js";
import { outageMessage } from "./slack-messages.js";

export function outageKeyPrefix(installationId: number, cause: string): string {
  return `outage:${installationId}:${encodeURIComponent(cause)}:`;
}

export async function findOutages(prisma: PrismaClient, report: AnalysisReport, where: { installationId: number; now: Date }): Promise<Notification[]> {
  const causes = new Set(
    report.jobs
      .filter((j) => j.finalClass === "flaky" && j.failure.patternId && failureKind({ verdict: "flaky", patternId: j.failure.patternId, category: j.failure.category }) === "infrastructure")
      .map((j) => j.failure.patternId as string),
  );
  if (causes.size === 0) return [];
  const outages = await loadOutages(prisma, { installationId: where.installationId, now: where.now });
  return outages
    .filter((o) => causes.has(o.cause))
    .map((o) => ({
      key: `${outageKeyPrefix(where.installationId, o.cause)}${o.since.toISOString()}`,
      event: "outage" as const,
      installationId: where.installationId,
      repositoryId: null,
      episode: outageKeyPrefix(where.installationId, o.cause),
      message: outageMessage({ account: report.repo.owner, cause: o.cause, count: o.count, expected: o.expected, windowMinutes: o.windowMinutes, since: o.since }),
    }));
}
