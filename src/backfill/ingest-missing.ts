// Stores the finished jobs GitHub lists that Sift has no row for in that state: they were missed by
// webhooks. Jobs come as payload fields and go through the same schema and mapping as a delivery.
import { jobFromCheckRun, jobFromStatus, jobFromWorkflowJob, payloads, storeBackfilledJob, type JobRecord } from "../ingest/index.js";
import { repositoryRef, type BackfillRound } from "./backfill-context.js";

type Loose = Record<string, unknown>;

export function workflowJobRecords(round: BackfillRound, jobs: Loose[]): JobRecord[] {
  return jobs.flatMap((workflow_job) => {
    const p = payloads.workflowJobPayload.safeParse({ installation: { id: round.repo.installationId }, repository: repositoryRef(round.repo), workflow_job });
    return p.success ? [jobFromWorkflowJob(p.data)] : [];
  });
}

export function checkRunRecords(round: BackfillRound, runs: Loose[]): JobRecord[] {
  return runs.flatMap((check_run) => {
    const p = payloads.checkRunPayload.safeParse({ installation: { id: round.repo.installationId }, repository: repositoryRef(round.repo), check_run });
    return p.success ? [jobFromCheckRun(p.data)] : [];
  });
}

export function statusRecords(round: BackfillRound, sha: string, statuses: Loose[]): JobRecord[] {
  return statuses.flatMap((s) => {
    const p = payloads.statusPayload.safeParse({ installation: { id: round.repo.installationId }, repository: repositoryRef(round.repo), sha, branches: [], ...s });
    return p.success ? [jobFromStatus(p.data)] : [];
  });
}

/** Stores the finished jobs Sift does not have finished; returns how many were new. */
export async function ingestMissing(round: BackfillRound, jobs: JobRecord[]): Promise<number> {
  const finished = jobs.filter((j) => j.status === "completed");
  if (finished.length === 0) return 0;
  const rows = await round.sql.query(
    `select provider::text as provider, "externalId" as id, conclusion from "Job"
     where "repositoryId" = $1::bigint and "externalId" = any($2::text[]) and status = 'completed'`,
    [String(round.repo.id), finished.map((j) => j.externalId)],
  );
  const have = new Set(rows.map((r) => `${String(r.provider)}\u0000${String(r.id)}\u0000${String(r.conclusion)}`));
  let stored = 0;
  for (const job of finished) {
    if (have.has(`${job.provider}\u0000${job.externalId}\u0000${job.conclusion}`)) continue;
    const input = { installationId: round.repo.installationId, repo: payloads.repositoryRef.parse(repositoryRef(round.repo)), job, now: round.now, timing: round.timing };
    if ((await storeBackfilledJob(round.sql, input)).stored) stored++;
  }
  return stored;
}
