// The hot path: a job delivery in ONE statement — remember the delivery id, upsert installation,
// repository and job, and schedule the head SHA when the job just finished. One round trip instead
// of five (syscalls dominate ingestion on small machines), and atomic: a crash stores nothing, so a
// redelivery is processed in full.
import type { SqlSession } from "../db/index.js";
import { failureParams, failureUpsert, refreshParams, refreshUpdate, type Timing } from "../schedule/index.js";
import { compose } from "./compose-sql.js";
import type { DeliveryMeta } from "./deliveries.js";
import { isFailure, type JobRecord } from "./job-record.js";
import { jobParams, jobUpsert } from "./upsert-job.js";
import { installationInsert, repositoryParams, repositoryUpsert } from "./upsert-repository.js";
import type { RepositoryRef } from "./schemas.js";

const FRESH = "where exists (select 1 from delivery)";

export async function storeJobDelivery(
  sql: SqlSession,
  input: { delivery: DeliveryMeta; installationId: number; repo: RepositoryRef; job: JobRecord; now: Date; timing: Timing },
): Promise<{ duplicate: boolean; changed: boolean }> {
  const { delivery: d, repo, job, now, timing } = input;
  const finished = job.status === "completed";
  const at = { repositoryId: repo.id, sha: job.headSha, branch: job.headBranch, now };
  const { text, params } = compose(
    [
      {
        name: "delivery",
        sql: `insert into "WebhookDelivery" (id, event, action, "installationId") values ($1, $2, $3, $4::bigint) on conflict (id) do nothing returning id`,
        params: [d.id, d.event, d.action, d.installationId === null ? null : String(d.installationId)],
      },
      { name: "repo", sql: repositoryUpsert(FRESH), params: repositoryParams(input.installationId, repo, now) },
      { name: "inst", sql: installationInsert(FRESH), params: "previous" },
      { name: "job", sql: jobUpsert(FRESH), params: jobParams(repo.id, job, now) },
      // Only one of these two applies: a failure starts or extends a burst; another finished job refreshes an analysed SHA.
      { name: "failure", sql: failureUpsert(`where exists (select 1 from job) and $7::boolean`), params: [...failureParams(at, timing), finished && isFailure(job.conclusion)] },
      { name: "refresh", sql: refreshUpdate(`and exists (select 1 from job) and $5::boolean`), params: [...refreshParams(at, timing), finished && !isFailure(job.conclusion)] },
    ],
    `select (select count(*) from delivery)::int as fresh, (select count(*) from job)::int as changed`,
  );
  const [row] = await sql.query(text, params);
  return { duplicate: Number(row?.fresh) === 0, changed: Number(row?.changed) > 0 };
}
