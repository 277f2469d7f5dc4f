// Writes a notification to the outbox, once per key: a second analysis finding the same event (the same
// broken period, the same new cause) adds nothing. The sweep (deliver-outbox.ts) sends it.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { Metrics } from "../model/index.js";
import type { SlackMessage } from "./slack-messages.js";

export type NotificationEvent = "default_branch_red" | "outage" | "new_cause";

export interface Notification {
  key: string;
  event: NotificationEvent;
  installationId: number;
  repositoryId: number | null;
  message: SlackMessage;
  /** An event that lasts (an outage): the key prefix of its episodes; one seen within the gap stands for this one. */
  episode?: string;
}

/** true when the key was new and the notification is queued. */
export async function enqueueNotification(prisma: PrismaClient, n: Notification, now: Date, metrics?: Metrics): Promise<boolean> {
  const { count } = await prisma.notificationOutbox.createMany({
    data: [{
      key: n.key,
      event: n.event,
      installationId: BigInt(n.installationId),
      repositoryId: n.repositoryId === null ? null : BigInt(n.repositoryId),
      payload: n.message as unknown as Prisma.InputJsonValue,
      nextAttemptAt: now,
      lastSeenAt: now,
      createdAt: now,
    }],
    skipDuplicates: true,
  });
  if (count > 0) metrics?.notifications.inc({ event: n.event, outcome: "queued" });
  return count > 0;
}

/** An outage lasts while it keeps being seen; after this long without a sighting, the next one is a new episode. */
export const OUTAGE_EPISODE_GAP_MS = 3600_000;

/**
 * An outage is one message per episode: when a notification for the same cause and installation was
 * seen within the gap, it is only marked as still going on (true: nothing new to send).
 */
export async function touchOutageEpisode(prisma: PrismaClient, keyPrefix: string, now: Date): Promise<boolean> {
  const { count } = await prisma.notificationOutbox.updateMany({
    where: { key: { startsWith: keyPrefix }, lastSeenAt: { gte: new Date(now.getTime() - OUTAGE_EPISODE_GAP_MS) } },
    data: { lastSeenAt: now },
  });
  return count > 0;
}
