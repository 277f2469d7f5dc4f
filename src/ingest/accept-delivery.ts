// The shape every ingestion shares: validate → skip a duplicate delivery → store → remember the id.
import type { Logger } from "pino";
import type { z } from "zod";
import type { SqlSession } from "../db/index.js";
import { rememberDelivery, wasDelivered, type DeliveryMeta } from "./deliveries.js";
import { describeIssues, storableText } from "./schemas.js";

/** GitHub's delivery ids are UUIDs; a longer one cannot be remembered (it is an index key). */
const MAX_DELIVERY_ID_CHARS = 200;

export interface Delivery {
  /** X-GitHub-Delivery */
  id: string;
  event: string;
  payload: unknown;
  log: Logger;
}

export type Outcome = "stored" | "duplicate" | "rejected";

export function deliveryMeta(delivery: Delivery): DeliveryMeta {
  const payload = delivery.payload as { action?: string; installation?: { id?: number } } | null;
  return {
    id: delivery.id,
    event: delivery.event,
    action: typeof payload?.action === "string" ? storableText(payload.action, 100) : null,
    installationId: typeof payload?.installation?.id === "number" ? payload.installation.id : null,
  };
}

/** The payload's needed fields, or undefined after a warning that names what is missing. */
export function validate<S extends z.ZodType>(delivery: Delivery, schema: S): z.infer<S> | undefined {
  // Redelivering would not help: say what is wrong, store nothing, answer 2xx.
  const { action } = deliveryMeta(delivery);
  const what = `${delivery.event}${action ? `.${action.slice(0, 40)}` : ""} delivery ${storableText(delivery.id, 60)}`;
  if (delivery.id.length > MAX_DELIVERY_ID_CHARS) {
    delivery.log.warn(`${what} rejected, nothing stored: the delivery id of ${delivery.id.length} characters is longer than ${MAX_DELIVERY_ID_CHARS}`);
    return undefined;
  }
  const parsed = schema.safeParse(delivery.payload);
  if (parsed.success) return parsed.data;
  delivery.log.warn(`${what} rejected, nothing stored: ${describeIssues(parsed.error)}`);
  return undefined;
}

export async function acceptDelivery<S extends z.ZodType>(
  sql: SqlSession,
  delivery: Delivery,
  schema: S,
  store: (data: z.infer<S>) => Promise<void>,
): Promise<Outcome> {
  const data = validate(delivery, schema);
  if (data === undefined) return "rejected";
  if (await wasDelivered(sql, delivery.id)) {
    delivery.log.debug(`delivery ${delivery.id} already processed`);
    return "duplicate";
  }
  await store(data);
  await rememberDelivery(sql, deliveryMeta(delivery));
  return "stored";
}
