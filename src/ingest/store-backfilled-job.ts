// A job the backfill found on GitHub that no webhook brought: stored like a delivery of it, under a
// delivery id made from the job's state, so finding it again changes nothing.
import { createHash } from "node:crypto";
import type { SqlSession } from "../db/index.js";
import type { Timing } from "../schedule/index.js";
import type { JobRecord } from "./job-record.js";
import type { RepositoryRef } from "./schemas.js";
import { storeJobDelivery } from "./store-job-delivery.js";

const EVENT = { actions: "workflow_job", check_run: "check_run", status: "status" } as const;

export async function storeBackfilledJob(
  sql: SqlSession,
  input: { installationId: number; repo: RepositoryRef; job: JobRecord; now: Date; timing: Timing },
): Promise<{ stored: boolean }> {
  const { job } = input;
  const key = [job.provider, job.externalId, job.runAttempt, job.status, job.conclusion ?? "", job.completedAt?.toISOString() ?? ""].join("\u0000");
  const id = `backfill-${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
  const delivery = { id, event: EVENT[job.provider], action: job.status, installationId: input.installationId };
  const { duplicate, changed } = await storeJobDelivery(sql, { ...input, delivery });
  return { stored: !duplicate && changed };
}
