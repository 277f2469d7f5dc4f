// The flood brake: at most COMMANDS_PER_MINUTE commands per person and repository per minute, and
// one reply per such window (a refusal or "slow down"), then silence. Counted in the database with
// one atomic upsert, so that replicas behind a load balancer agree.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { CommandSite } from "./command-site.js";

export const COMMANDS_PER_MINUTE = 5;
const WINDOW_MS = 60_000;

export interface CommandWindowKey {
  repositoryId: number;
  login: string;
  windowStart: Date;
}

export function windowOf(site: CommandSite, now: Date): CommandWindowKey {
  return { repositoryId: site.repositoryId, login: site.comment.author, windowStart: new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS) };
}

/** Counts one command; true while the person is within the limit of this window. */
export async function countCommand(prisma: PrismaClient, key: CommandWindowKey): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ commands: number }[]>`
    insert into "CommandWindow" ("repositoryId", login, "windowStart", commands)
    values (${BigInt(key.repositoryId)}, ${key.login}, ${key.windowStart.toISOString()}::timestamp, 1)
    on conflict ("repositoryId", login, "windowStart") do update set commands = "CommandWindow".commands + 1
    returning commands`;
  // Earlier windows of this person are spent: keep the table at one row per active person.
  await prisma.commandWindow.deleteMany({ where: { repositoryId: BigInt(key.repositoryId), login: key.login, windowStart: { lt: key.windowStart } } });
  return Number(rows[0]?.commands ?? Infinity) <= COMMANDS_PER_MINUTE;
}

/** True for exactly one caller per window: the one that may reply. */
export async function claimReply(prisma: PrismaClient, key: CommandWindowKey): Promise<boolean> {
  const { count } = await prisma.commandWindow.updateMany({
    where: { repositoryId: BigInt(key.repositoryId), login: key.login, windowStart: key.windowStart, replied: false },
    data: { replied: true },
  });
  return count === 1;
}
