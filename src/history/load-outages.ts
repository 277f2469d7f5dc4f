// The installation's outages (decide/outages.ts states the rule): recent infrastructure sightings, and —
// only when a cause reaches the floor or has held re-runs — its baseline over the previous days: its own
// sightings and the jobs completed, so its usual share of jobs can be compared with the window's.
import { activeOutages, defaultOutageOptions, type CauseSighting, type Outage, type OutageBaseline, type OutageOptions } from "../decide/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { failureKind } from "../model/index.js";

export interface OutageQuery {
  installationId: number;
  now: Date;
  /** Causes with held re-runs in the installation; read from the database when absent. */
  heldCauses?: string[];
  opts?: OutageOptions;
}

const MINUTE = 60_000;

export async function loadOutages(prisma: PrismaClient, q: OutageQuery): Promise<Outage[]> {
  const opts = q.opts ?? defaultOutageOptions;
  const installationId = BigInt(q.installationId);
  const minutesAgo = (m: number) => new Date(q.now.getTime() - m * MINUTE);
  const [rows, heldCauses] = await Promise.all([
    prisma.classification.findMany({
      where: { verdict: "flaky", patternId: { not: null }, updatedAt: { gte: minutesAgo(Math.max(opts.windowMinutes, opts.quietMinutes)), lte: q.now }, job: { repository: { installationId } } },
      select: { patternId: true, category: true, updatedAt: true },
    }),
    q.heldCauses ?? heldCausesOf(prisma, installationId),
  ]);
  const recent: CauseSighting[] = rows.filter((r) => failureKind({ verdict: "flaky", ...r }) === "infrastructure").map((r) => ({ cause: r.patternId as string, at: r.updatedAt }));
  const windowStart = minutesAgo(opts.windowMinutes);
  const counts = new Map<string, number>();
  for (const s of recent) if (s.at >= windowStart) counts.set(s.cause, (counts.get(s.cause) ?? 0) + 1);
  // The baseline costs three more queries: only for causes that could be an outage.
  const candidates = [...new Set(recent.map((s) => s.cause))].filter((c) => (counts.get(c) ?? 0) >= opts.minJobs || heldCauses.includes(c));
  const baseline = candidates.length === 0 ? null : await loadBaseline(prisma, installationId, candidates, q.now, opts);
  return activeOutages({ recent, baseline }, heldCauses, q.now, opts);
}

async function heldCausesOf(prisma: PrismaClient, installationId: bigint): Promise<string[]> {
  const held = await prisma.retry.findMany({ where: { status: "held", repository: { installationId } }, distinct: ["cause"], select: { cause: true } });
  return held.flatMap((h) => (h.cause ? [h.cause] : []));
}

async function loadBaseline(prisma: PrismaClient, installationId: bigint, causes: string[], now: Date, opts: OutageOptions): Promise<OutageBaseline> {
  const windowStart = new Date(now.getTime() - opts.windowMinutes * MINUTE);
  const baselineStart = new Date(windowStart.getTime() - opts.baselineDays * 24 * 60 * MINUTE);
  const jobsCompleted = (gte: Date, lt: Date) => prisma.job.count({ where: { completedAt: { gte, lt }, repository: { installationId } } });
  const [groups, jobs, windowJobs, quietJobs] = await Promise.all([
    prisma.classification.groupBy({
      by: ["patternId", "category"],
      where: { verdict: "flaky", patternId: { in: causes }, updatedAt: { gte: baselineStart, lt: windowStart }, job: { repository: { installationId } } },
      _count: { _all: true },
    }),
    jobsCompleted(baselineStart, windowStart),
    jobsCompleted(windowStart, new Date(now.getTime() + 1)),
    jobsCompleted(new Date(now.getTime() - opts.quietMinutes * MINUTE), new Date(now.getTime() + 1)),
  ]);
  const counts: Record<string, number> = {};
  for (const g of groups) {
    if (g.patternId && failureKind({ verdict: "flaky", patternId: g.patternId, category: g.category }) === "infrastructure") counts[g.patternId] = (counts[g.patternId] ?? 0) + g._count._all;
  }
  return { causes: counts, jobs, windowJobs, quietJobs };
}
