// Delivery dedupe by X-GitHub-Delivery. The id is remembered only after its effects are stored,
// so a delivery that failed half-way is processed again when GitHub (or reconcile) redelivers it.
import type { SqlSession } from "../db/index.js";

export interface DeliveryMeta {
  id: string;
  event: string;
  action: string | null;
  installationId: number | null;
}

export async function wasDelivered(sql: SqlSession, id: string): Promise<boolean> {
  const rows = await sql.query(`select 1 from "WebhookDelivery" where id = $1`, [id]);
  return rows.length > 0;
}

export async function rememberDelivery(sql: SqlSession, d: DeliveryMeta): Promise<void> {
  await sql.query(
    `insert into "WebhookDelivery" (id, event, action, "installationId") values ($1, $2, $3, $4::bigint) on conflict (id) do nothing`,
    [d.id, d.event, d.action, d.installationId === null ? null : String(d.installationId)],
  );
}
