// The periodic pass over stored re-runs: backoffs that are due, and held re-runs whose outage ended
// (the cause stopped appearing). Each is executed once.
import type { ProbotOctokit } from "probot";
import { activeOutages, defaultOutageOptions, kindOfCategory, type OutageOptions } from "../decide/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { runStoredRetries, type StoredRetry, type StoredRetryDeps } from "./run-stored-retries.js";

export interface SweepDeps extends StoredRetryDeps {
  now: () => Date;
  octokitFor: (installationId: number) => Promise<ProbotOctokit>;
  outage?: OutageOptions;
}

async function endedHolds(prisma: PrismaClient, now: Date, opts: OutageOptions): Promise<StoredRetry[]> {
  const held = await prisma.retry.findMany({ where: { status: "held" }, include: { job: true, repository: true }, orderBy: { id: "asc" } });
  if (held.length === 0) return [];
  const since = new Date(now.getTime() - Math.max(opts.windowMinutes, opts.quietMinutes) * 60_000);
  const recent = await prisma.classification.findMany({
    where: { verdict: "flaky", patternId: { in: [...new Set(held.flatMap((h) => (h.cause ? [h.cause] : [])))] }, updatedAt: { gte: since } },
    select: { patternId: true, category: true, updatedAt: true, job: { select: { repository: { select: { installationId: true } } } } },
  });
  return held.filter((h) => {
    const inst = h.repository.installationId;
    const sightings = recent
      .filter((r) => r.job.repository.installationId === inst && kindOfCategory(r.category, r.patternId) === "infrastructure")
      .map((r) => ({ cause: r.patternId as string, at: r.updatedAt }));
    return !activeOutages(sightings, h.cause ? [h.cause] : [], now, opts).some((o) => o.cause === h.cause);
  });
}

export async function sweepRetries(deps: SweepDeps): Promise<number> {
  const now = deps.now();
  const dueBackoffs = await deps.prisma.retry.findMany({
    where: { status: "waiting", notBefore: { lte: now } },
    include: { job: true, repository: true },
    orderBy: { id: "asc" },
  });
  const rows = [...dueBackoffs, ...(await endedHolds(deps.prisma, now, deps.outage ?? defaultOutageOptions))];
  const byInstallation = new Map<bigint, StoredRetry[]>();
  for (const r of rows) byInstallation.set(r.repository.installationId, [...(byInstallation.get(r.repository.installationId) ?? []), r]);
  for (const [installationId, list] of byInstallation) await runStoredRetries(deps, await deps.octokitFor(Number(installationId)), list);
  return rows.length;
}
