// The app's web routes on a local port, as the tests of Sift's pages need them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "../../src/db/index.js";
import { Router, addSignInRoutes, addWebRoutes, createSignIn, type WebDeps } from "../../src/web/index.js";

export const PAGE_SECRET = "page-secret-for-tests";

/** `signInRoutes`: also /login and /logout as the app serves them (an OAuth client that is never called), for pages that link there. */
export async function serveWeb(prisma: PrismaClient, now: Date, extra: Pick<WebDeps, "readerOf"> & { signInRoutes?: boolean } = {}): Promise<{ base: string; close(): Promise<void> }> {
  const router = new Router();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settings = { publicUrl: base, pageSecret: PAGE_SECRET, githubWebUrl: "https://github.com" };
  addWebRoutes(router, { prisma, settings, now: () => now, ...(extra.readerOf ? { readerOf: extra.readerOf } : {}) });
  if (extra.signInRoutes) {
    const oauth = { githubApiUrl: "https://api.github.com", githubClientId: "Iv1.serve-web", githubClientSecret: "serve-web-secret" };
    addSignInRoutes(router, createSignIn({ prisma, settings: { ...settings, ...oauth }, now: () => now }));
  }
  const handle = router.handler();
  server.on("request", (req, res) => {
    handle(req, res).then((handled) => handled || (res.writeHead(404), res.end()), (err) => (res.writeHead(500), res.end(String(err))));
  });
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
