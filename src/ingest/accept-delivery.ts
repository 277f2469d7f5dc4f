// The shape every ingestion shares: validate → skip a duplicate delivery → store → remember the id.
import type { Logger } from "pino";
import type { z } from "zod";
import type { SqlSession } from "../db/index.js";
import { rememberDelivery, wasDelivered } from "./deliveries.js";
import { describeIssues } from "./schemas.js";

export interface Delivery {
  /** X-GitHub-Delivery */
  id: string;
  event: string;
  payload: unknown;
  log: Logger;
}

export type Outcome = "stored" | "duplicate" | "rejected";

export async function acceptDelivery<S extends z.ZodType>(
  sql: SqlSession,
  delivery: Delivery,
  schema: S,
  store: (data: z.infer<S>) => Promise<void>,
): Promise<Outcome> {
  const parsed = schema.safeParse(delivery.payload);
  const payload = delivery.payload as { action?: string; installation?: { id?: number } } | null;
  const action = typeof payload?.action === "string" ? payload.action : null;
  if (!parsed.success) {
    // Redelivering would not help: say what is missing, store nothing, answer 2xx.
    delivery.log.warn(`${delivery.event}${action ? `.${action}` : ""} delivery ${delivery.id} rejected, nothing stored: ${describeIssues(parsed.error)}`);
    return "rejected";
  }
  if (await wasDelivered(sql, delivery.id)) {
    delivery.log.debug(`delivery ${delivery.id} already processed`);
    return "duplicate";
  }
  await store(parsed.data);
  const installationId = typeof payload?.installation?.id === "number" ? payload.installation.id : null;
  await rememberDelivery(sql, { id: delivery.id, event: delivery.event, action, installationId });
  return "stored";
}
