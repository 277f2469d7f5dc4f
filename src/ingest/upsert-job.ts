// Idempotent job upsert. Returns whether this delivery changed the job's status or conclusion, so a
// duplicate or late delivery never re-schedules an analysis.
import { SqlParams, noGuard, type SqlGuard, type SqlSession } from "../db/index.js";
import type { JobRecord } from "./job-record.js";

const COLUMNS = [
  `"repositoryId"`, "provider", `"externalId"`, `"headSha"`, "name", `"workflowName"`, `"runId"`, `"runAttempt"`,
  "status", "conclusion", `"startedAt"`, `"completedAt"`, `"prNumbers"`, `"headBranch"`, `"appSlug"`,
  `"checkRunId"`, `"htmlUrl"`, `"logUrl"`, `"runnerName"`, "labels", "steps", `"updatedAt"`,
];
const CASTS = ["bigint", `"Provider"`, "text", "text", "text", "text", "bigint", "int", "text", "text", "timestamp",
  "timestamp", "int[]", "text", "text", "bigint", "text", "text", "text", "text[]", "jsonb", "timestamp"];
const UPDATED = COLUMNS.slice(3).map((c) => `${c} = excluded.${c}`).join(", ");

// A finished Actions job or check run never goes back to in_progress (deliveries arrive out of
// order); a commit status may (a rebuild on the same SHA reuses its context).
/** The upsert, its values added to `p` in COLUMNS order; `guard` makes it conditional when composed. */
export function jobUpsert(p: SqlParams, repositoryId: number, job: JobRecord, now: Date, guard: SqlGuard = noGuard): string {
  const values = jobValues(repositoryId, job, now).map((v, i) => p.add(v, CASTS[i]));
  return `
insert into "Job" (${COLUMNS.join(", ")})
select ${values.join(", ")} ${guard(p)}
on conflict ("repositoryId", provider, "externalId") do update set ${UPDATED}
where ("Job".status, "Job".conclusion) is distinct from (excluded.status, excluded.conclusion)
  and ("Job".status <> 'completed' or excluded.status = 'completed' or "Job".provider = 'status')
returning id`;
}

function jobValues(repositoryId: number, job: JobRecord, now: Date): unknown[] {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return [
    String(repositoryId), job.provider, job.externalId, job.headSha, job.name, job.workflowName, job.runId,
    job.runAttempt, job.status, job.conclusion, iso(job.startedAt), iso(job.completedAt), job.prNumbers,
    job.headBranch, job.appSlug, job.checkRunId, job.htmlUrl, job.logUrl, job.runnerName, job.labels,
    job.steps === null ? null : JSON.stringify(job.steps), now.toISOString(),
  ];
}

export async function upsertJob(sql: SqlSession, repositoryId: number, job: JobRecord, now: Date): Promise<{ changed: boolean }> {
  const p = new SqlParams();
  const rows = await sql.query(jobUpsert(p, repositoryId, job, now), p.values);
  return { changed: rows.length > 0 };
}
