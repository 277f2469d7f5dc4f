// Sift's web routes with the real sign-in, against the GitHub double, on a local port: for the
// sign-in and org grid tests. The clock is the test's (`clock.now`), so sessions can expire.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "../../src/db/index.js";
import { Router, addSignInRoutes, addWebRoutes, createSignIn } from "../../src/web/index.js";
import type { GitHubDouble } from "../github-double/index.js";
import { PAGE_SECRET } from "./serve-web.js";

export interface ServedSignIn {
  base: string;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function serveSignIn(prisma: PrismaClient, gh: GitHubDouble | null, now: Date, opts: { publicUrl?: string } = {}): Promise<ServedSignIn> {
  const router = new Router();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clock = { now };
  const settings = {
    publicUrl: opts.publicUrl ?? base,
    pageSecret: PAGE_SECRET,
    githubWebUrl: gh?.origin ?? "https://github.com",
    githubApiUrl: gh ? `${gh.origin}/api/v3` : "https://api.github.com",
    githubClientId: gh?.state.oauth.clientId,
    githubClientSecret: gh?.state.oauth.clientSecret,
  };
  const signIn = createSignIn({ prisma, settings, now: () => clock.now });
  addWebRoutes(router, { prisma, settings, now: () => clock.now, readerOf: signIn.readerOf });
  addSignInRoutes(router, signIn);
  const handle = router.handler();
  server.on("request", (req, res) => {
    handle(req, res).then((handled) => handled || (res.writeHead(404), res.end()), (err) => (res.writeHead(500), res.end(String(err))));
  });
  return { base, clock, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
