// The periodic pass over stored re-runs: backoffs that are due, and held re-runs whose outage ended
// (the cause stopped appearing). Each is executed once.
import type { ProbotOctokit } from "probot";
import type { OutageOptions } from "../decide/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { loadOutages } from "../history/index.js";
import { runStoredRetries, type StoredRetry, type StoredRetryDeps } from "./run-stored-retries.js";

export interface SweepDeps extends StoredRetryDeps {
  now: () => Date;
  octokitFor: (installationId: number) => Promise<ProbotOctokit>;
  outage?: OutageOptions;
}

async function endedHolds(prisma: PrismaClient, now: Date, opts: OutageOptions | undefined): Promise<StoredRetry[]> {
  const held = await prisma.retry.findMany({ where: { status: "held" }, include: { job: true, repository: true }, orderBy: { id: "asc" } });
  const byInstallation = new Map<bigint, StoredRetry[]>();
  for (const h of held) byInstallation.set(h.repository.installationId, [...(byInstallation.get(h.repository.installationId) ?? []), h]);
  const ended: StoredRetry[] = [];
  for (const [installationId, rows] of byInstallation) {
    const heldCauses = [...new Set(rows.flatMap((h) => (h.cause ? [h.cause] : [])))];
    const outages = await loadOutages(prisma, { installationId: Number(installationId), now, heldCauses, opts });
    ended.push(...rows.filter((h) => !outages.some((o) => o.cause === h.cause)));
  }
  return ended;
}

/** A re-run waiting for its run to complete is normally started by the workflow_run hook. */
const RUN_WAIT_CHECK_MINUTES = 10;

/**
 * Re-runs still waiting for their run long after being recorded: the workflow_run delivery was lost,
 * or came between GitHub's 403 and the row being saved. Ask GitHub whether the run has completed.
 */
async function missedRunCompletions(deps: SweepDeps, now: Date): Promise<StoredRetry[]> {
  const stale = await deps.prisma.retry.findMany({
    where: { status: "waiting", notBefore: null, createdAt: { lte: new Date(now.getTime() - RUN_WAIT_CHECK_MINUTES * 60_000) }, job: { runId: { not: null } } },
    include: { job: true, repository: true },
    orderBy: { id: "asc" },
  });
  const completed = new Map<string, boolean>();
  const out: StoredRetry[] = [];
  for (const row of stale) {
    const key = `${row.repositoryId}:${row.job.runId}`;
    if (!completed.has(key)) {
      const octokit = await deps.octokitFor(Number(row.repository.installationId));
      const run = await octokit.rest.actions
        .getWorkflowRun({ owner: row.repository.owner, repo: row.repository.name, run_id: Number(row.job.runId) })
        .catch(() => null); // unknown for now: the next sweep asks again
      completed.set(key, run?.data.status === "completed");
    }
    if (completed.get(key)) out.push(row);
  }
  return out;
}

export async function sweepRetries(deps: SweepDeps): Promise<number> {
  const now = deps.now();
  // Due backoffs, answers GitHub never gave, and requests a crash interrupted ("requesting" past its check time).
  const dueBackoffs = await deps.prisma.retry.findMany({
    where: { status: { in: ["waiting", "requesting"] }, notBefore: { lte: now } },
    include: { job: true, repository: true },
    orderBy: { id: "asc" },
  });
  const rows = [
    ...dueBackoffs,
    ...(await missedRunCompletions(deps, now)),
    ...(await endedHolds(deps.prisma, now, deps.outage)),
  ];
  const byInstallation = new Map<bigint, StoredRetry[]>();
  for (const r of rows) byInstallation.set(r.repository.installationId, [...(byInstallation.get(r.repository.installationId) ?? []), r]);
  for (const [installationId, list] of byInstallation) await runStoredRetries(deps, await deps.octokitFor(Number(installationId)), list);
  return rows.length;
}
