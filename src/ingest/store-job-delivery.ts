// The hot path: a job delivery in ONE statement — remember the delivery id, upsert installation,
// repository and job, and schedule the head SHA when the job just finished. One round trip instead
// of five (syscalls dominate ingestion on small machines), and atomic: a crash stores nothing, so a
// redelivery is processed in full. Each piece adds its own values to one SqlParams: no placeholder is
// numbered by hand.
import { SqlParams, type SqlGuard, type SqlSession } from "../db/index.js";
import { failureUpsert, refreshUpdate, type Timing } from "../schedule/index.js";
import type { DeliveryMeta } from "./deliveries.js";
import { isFailure, type JobRecord } from "./job-record.js";
import { jobUpsert } from "./upsert-job.js";
import { installationInsert, repositoryUpsert } from "./upsert-repository.js";
import type { RepositoryRef } from "./schemas.js";

const fresh: SqlGuard = () => "where exists (select 1 from delivery)";

export async function storeJobDelivery(
  sql: SqlSession,
  input: { delivery: DeliveryMeta; installationId: number; repo: RepositoryRef; job: JobRecord; now: Date; timing: Timing },
): Promise<{ duplicate: boolean; changed: boolean }> {
  const { delivery: d, repo, job, now, timing } = input;
  const finished = job.status === "completed";
  const at = { repositoryId: repo.id, sha: job.headSha, branch: job.headBranch, now };
  const repoAt = { installationId: input.installationId, repo, now };
  const p = new SqlParams();
  const delivery = `insert into "WebhookDelivery" (id, event, action, "installationId")
    values (${p.add(d.id)}, ${p.add(d.event)}, ${p.add(d.action)}, ${p.add(d.installationId === null ? null : String(d.installationId), "bigint")})
    on conflict (id) do nothing returning id`;
  // Only one of the last two applies: a failure starts or extends a burst; another finished job refreshes an analysed SHA.
  const text = `with delivery as (${delivery}),
repo as (${repositoryUpsert(p, repoAt, fresh)}),
inst as (${installationInsert(p, repoAt, fresh)}),
job as (${jobUpsert(p, repo.id, job, now, fresh)}),
failure as (${failureUpsert(p, at, timing, (q) => `where exists (select 1 from job) and ${q.add(finished && isFailure(job.conclusion), "boolean")}`)}),
refresh as (${refreshUpdate(p, at, timing, (q) => `and exists (select 1 from job) and ${q.add(finished && !isFailure(job.conclusion), "boolean")}`)})
select (select count(*) from delivery)::int as fresh, (select count(*) from job)::int as changed`;
  const [row] = await sql.query(text, p.values);
  return { duplicate: Number(row?.fresh) === 0, changed: Number(row?.changed) > 0 };
}
