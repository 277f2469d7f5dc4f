// The web routes on a local port with a switchable signed-in reader, for the insight pages' tests.
import type { PrismaClient } from "../../src/db/index.js";
import type { Reader } from "../../src/web/index.js";
import { serveWeb } from "./serve-web.js";

export async function serveInsight(prisma: PrismaClient, now: Date): Promise<{ base: string; signIn(reader: Reader | null): void; close(): Promise<void> }> {
  let reader: Reader | null = null;
  const web = await serveWeb(prisma, now, { readerOf: async () => reader });
  return { ...web, signIn: (r) => (reader = r) };
}
