// The app's web routes on a local port, as the tests of Sift's pages need them.
import type { PrismaClient } from "../../src/db/index.js";
import { Router, addWebRoutes, type WebDeps } from "../../src/web/index.js";
import { localServer } from "../helpers/local-server.js";

export const PAGE_SECRET = "page-secret-for-tests";

export async function serveWeb(prisma: PrismaClient, now: Date, extra: Pick<WebDeps, "readerOf"> = {}): Promise<{ base: string; close(): Promise<void> }> {
  const server = await localServer();
  const router = new Router();
  addWebRoutes(router, { prisma, settings: { publicUrl: server.base, pageSecret: PAGE_SECRET, githubWebUrl: "https://github.com" }, now: () => now, ...extra });
  server.serve(router);
  return { base: server.base, close: server.close };
}
