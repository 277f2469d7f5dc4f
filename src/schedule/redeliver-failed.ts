// GitHub never redelivers a failed webhook by itself. This walks the App's recent deliveries and asks
// for another attempt of each one that never succeeded and that Sift has not processed.
import type { ProbotOctokit } from "probot";
import type { Logger } from "pino";
import type { SqlSession } from "../db/index.js";

interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
  redelivery: boolean;
}

export async function redeliverFailed(
  appOctokit: ProbotOctokit,
  sql: SqlSession,
  opts: { since: Date; log: Logger; max?: number },
): Promise<{ redelivered: number; seen: number }> {
  const byGuid = new Map<string, HookDelivery[]>();
  let seen = 0;
  // Newest first: stop paging once past `since`.
  for await (const page of appOctokit.paginate.iterator("GET /app/hook/deliveries", { per_page: 100 })) {
    const deliveries = page.data as unknown as HookDelivery[];
    for (const d of deliveries) {
      seen++;
      byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
    }
    const last = deliveries[deliveries.length - 1];
    if (!last || new Date(last.delivered_at) < opts.since) break;
  }
  const failed = [...byGuid.values()]
    .filter((attempts) => attempts.every((a) => a.status_code < 200 || a.status_code >= 300))
    .map((attempts) => attempts[0]!)
    .filter((d) => new Date(d.delivered_at) >= opts.since)
    .slice(0, opts.max ?? 100);
  if (!failed.length) return { redelivered: 0, seen };
  const processed = await sql.query(`select id from "WebhookDelivery" where id = any($1::text[])`, [failed.map((d) => d.guid)]);
  const done = new Set(processed.map((r) => String(r.id)));
  let redelivered = 0;
  for (const d of failed) {
    if (done.has(d.guid)) continue;
    await appOctokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", { delivery_id: d.id });
    opts.log.info(`reconcile: asked GitHub to redeliver ${d.event} ${d.guid} (last status ${d.status_code})`);
    redelivered++;
  }
  return { redelivered, seen };
}
