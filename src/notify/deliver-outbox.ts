// Sends what the outbox holds, oldest first, one at a time (Slack allows about one message a second).
// Each row is claimed with a lease before it is sent, so replicas do not both send it and a process
// killed mid-send leaves it to be sent again when the lease lapses: at least once. A retry waits for
// Retry-After or an exponential backoff (30 s doubling, at most an hour); a refusal (4xx) or 48 hours
// without delivery gives up, with the reason kept in the row and the log.
import type { Logger } from "pino";
import type { SqlSession } from "../db/index.js";
import type { Metrics } from "../model/index.js";
import { postToSlack, type SlackAnswer } from "./post-to-slack.js";

export interface DeliverDeps {
  sql: SqlSession;
  webhookUrl: string;
  now: () => Date;
  log: Logger;
  metrics?: Metrics | undefined;
  fetch?: typeof globalThis.fetch;
  /** At most this many messages per sweep. */
  batch?: number;
}

export const BACKOFF_BASE_SECONDS = 30;
export const BACKOFF_MAX_SECONDS = 3600;
export const GIVE_UP_AFTER_MS = 48 * 3600_000;
const LEASE_MS = 60_000;

export function backoffSeconds(attempts: number): number {
  return Math.min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

const CLAIM = `
update "NotificationOutbox" set "leaseUntil" = $2, attempts = attempts + 1
where id = (select id from "NotificationOutbox"
            where "deliveredAt" is null and "failedAt" is null and "nextAttemptAt" <= $1 and ("leaseUntil" is null or "leaseUntil" <= $1)
            order by id limit 1 for update skip locked)
returning id, event, payload, attempts, "createdAt"`;

/** Delivers due notifications; returns how many were delivered. */
export async function deliverOutbox(deps: DeliverDeps): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < (deps.batch ?? 20); i++) {
    const now = deps.now();
    const [row] = await deps.sql.query(CLAIM, [now, new Date(now.getTime() + LEASE_MS)]);
    if (!row) break;
    const payload = typeof row.payload === "string" ? (JSON.parse(row.payload) as unknown) : row.payload;
    const answer = await postToSlack(deps.webhookUrl, payload, deps.fetch ? { fetch: deps.fetch } : {});
    const outcome = await settle(deps, { id: Number(row.id), event: String(row.event), attempts: Number(row.attempts), createdAt: new Date(row.createdAt as string | Date) }, answer);
    if (outcome === "delivered") delivered++;
    // rate limited or Slack down: the rest waits for the next sweep
    if (answer.kind === "retry") break;
  }
  return delivered;
}

async function settle(deps: DeliverDeps, row: { id: number; event: string; attempts: number; createdAt: Date }, answer: SlackAnswer): Promise<string> {
  const now = deps.now();
  const count = (outcome: string) => deps.metrics?.notifications.inc({ event: row.event, outcome });
  if (answer.kind === "delivered") {
    await deps.sql.query(`update "NotificationOutbox" set "deliveredAt" = $2, "leaseUntil" = null, "lastError" = null where id = $1`, [row.id, now]);
    count("delivered");
    return "delivered";
  }
  const tooOld = now.getTime() - row.createdAt.getTime() >= GIVE_UP_AFTER_MS;
  if (answer.kind === "refused" || tooOld) {
    const reason = answer.kind === "refused" ? answer.reason : `not delivered in 48 hours; last: ${answer.reason}`;
    await deps.sql.query(`update "NotificationOutbox" set "failedAt" = $2, "leaseUntil" = null, "lastError" = $3 where id = $1`, [row.id, now, reason]);
    deps.log.error(`notification ${row.id} (${row.event}) given up: ${reason}`);
    count("given_up");
    return "given_up";
  }
  const wait = answer.afterSeconds ?? backoffSeconds(row.attempts);
  await deps.sql.query(`update "NotificationOutbox" set "nextAttemptAt" = $2, "leaseUntil" = null, "lastError" = $3 where id = $1`, [row.id, new Date(now.getTime() + wait * 1000), answer.reason]);
  deps.log.warn(`notification ${row.id} (${row.event}) not delivered, trying again in ${Math.round(wait)} s: ${answer.reason}`);
  count("retried");
  return "retried";
}

/** For /metrics: rows not delivered yet, and rows given up on. */
export async function outboxCounts(sql: SqlSession): Promise<{ pending: number; failed: number }> {
  const [row] = await sql.query(`select count(*) filter (where "deliveredAt" is null and "failedAt" is null)::int as pending, count(*) filter (where "failedAt" is not null)::int as failed from "NotificationOutbox"`);
  return { pending: Number(row?.pending ?? 0), failed: Number(row?.failed ?? 0) };
}
