// Sift's web routes with the real sign-in, against the GitHub double, on a local port: for the
// sign-in and org grid tests. The clock is the test's (`clock.now`), so sessions can expire.
import type { PrismaClient } from "../../src/db/index.js";
import { Router, addSignInRoutes, addWebRoutes, createSignIn } from "../../src/web/index.js";
import type { GitHubDouble } from "../github-double/index.js";
import { localServer } from "../helpers/local-server.js";
import { PAGE_SECRET } from "./serve-web.js";

export interface ServedSignIn {
  base: string;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function serveSignIn(prisma: PrismaClient, gh: GitHubDouble | null, now: Date, opts: { publicUrl?: string } = {}): Promise<ServedSignIn> {
  const server = await localServer();
  const clock = { now };
  const settings = {
    publicUrl: opts.publicUrl ?? server.base,
    pageSecret: PAGE_SECRET,
    githubWebUrl: gh?.origin ?? "https://github.com",
    githubApiUrl: gh ? `${gh.origin}/api/v3` : "https://api.github.com",
    githubClientId: gh?.state.oauth.clientId,
    githubClientSecret: gh?.state.oauth.clientSecret,
  };
  const signIn = createSignIn({ prisma, settings, now: () => clock.now });
  const router = new Router();
  addWebRoutes(router, { prisma, settings, now: () => clock.now, readerOf: signIn.readerOf });
  addSignInRoutes(router, signIn);
  server.serve(router);
  return { base: server.base, clock, close: server.close };
}
