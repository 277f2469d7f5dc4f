// Sift's web routes over a test file's database on a local port, asked over HTTP as a browser would
// (redirects not followed), with a signed-in reader the tests switch (nobody at first).
import { afterAll, beforeAll } from "vitest";
import type { Reader } from "../../src/web/index.js";
import type { TestDatabase } from "../helpers/db.js";
import { serveInsight } from "./serve-insight.js";

export interface ServedRoutes {
  base(): string;
  signIn(reader: Reader | null): void;
  get(path: string, accept?: string): Promise<Response>;
}

/** Registers the vitest hooks after the database's own (call it after useSeededDatabase or the like). */
export function useServedRoutes(db: () => TestDatabase, now: Date): ServedRoutes {
  let web: Awaited<ReturnType<typeof serveInsight>> | undefined;
  beforeAll(async () => {
    web = await serveInsight(db().prisma, now);
  });
  afterAll(async () => web?.close());
  const ready = () => {
    if (!web) throw new Error("useServedRoutes: the routes are served only inside hooks and tests");
    return web;
  };
  return {
    base: () => ready().base,
    signIn: (reader) => ready().signIn(reader),
    get: (path, accept = "text/html") => fetch(`${ready().base}${path}`, { headers: { accept }, redirect: "manual" }),
  };
}
