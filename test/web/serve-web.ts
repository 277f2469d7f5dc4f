// The app's web routes on a local port, as the tests of Sift's pages need them.
import type { PrismaClient } from "../../src/db/index.js";
import { Router, addSignInRoutes, addWebRoutes, createSignIn, type WebDeps } from "../../src/web/index.js";
import { localServer } from "../helpers/local-server.js";

export const PAGE_SECRET = "page-secret-for-tests";

/** `signInRoutes`: also /login and /logout as the app serves them (an OAuth client that is never called), for pages that link there. */
export async function serveWeb(prisma: PrismaClient, now: Date, extra: Pick<WebDeps, "readerOf"> & { signInRoutes?: boolean } = {}): Promise<{ base: string; close(): Promise<void> }> {
  const server = await localServer();
  const router = new Router();
  const settings = { publicUrl: server.base, pageSecret: PAGE_SECRET, githubWebUrl: "https://github.com" };
  addWebRoutes(router, { prisma, settings, now: () => now, ...(extra.readerOf ? { readerOf: extra.readerOf } : {}) });
  if (extra.signInRoutes) {
    const oauth = { githubApiUrl: "https://api.github.com", githubClientId: "Iv1.serve-web", githubClientSecret: "serve-web-secret" };
    addSignInRoutes(router, createSignIn({ prisma, settings: { ...settings, ...oauth }, now: () => now }));
  }
  server.serve(router);
  return { base: server.base, close: server.close };
}
