// The web routes on a local port with a switchable signed-in reader, for the insight pages' tests.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "../../src/db/index.js";
import { Router, addWebRoutes, type Reader } from "../../src/web/index.js";
import { PAGE_SECRET } from "./serve-web.js";

export async function serveInsight(prisma: PrismaClient, now: Date): Promise<{ base: string; signIn(reader: Reader | null): void; close(): Promise<void> }> {
  let reader: Reader | null = null;
  const router = new Router();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  addWebRoutes(router, { prisma, settings: { publicUrl: base, pageSecret: PAGE_SECRET, githubWebUrl: "https://github.com" }, now: () => now, readerOf: async () => reader });
  const handle = router.handler();
  server.on("request", (req, res) => {
    handle(req, res).then((handled) => handled || (res.writeHead(404), res.end()), (err) => (res.writeHead(500), res.end(String(err))));
  });
  return { base, signIn: (r) => (reader = r), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
