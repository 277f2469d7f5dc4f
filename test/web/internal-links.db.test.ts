// Every link between Sift's pages leads somewhere: a crawl from the repository, details and org
// pages of a seeded month follows each internal href of the HTML it gets and expects 200 or a
// redirect, never a 404 or a 500 — as a signed-in reader, and as a stranger holding a private
// repository's signed links (every link those pages give must carry the token on).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detailsPath, pageToken, repoPageToken, repoPath, type ReaderOf } from "../../src/web/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { readerWho, signedIn } from "../helpers/reader.js";
import { MAIN, NOW, seedHistory, sha } from "./seed-history.js";
import { PAGE_SECRET, serveWeb } from "./serve-web.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedHistory(db.prisma);
});
afterAll(async () => {
  await db?.destroy();
});

const MAX_PAGES = 400;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&#38;": "&", "&quot;": '"', "&#34;": '"', "&#39;": "'" };

function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => (m[1] ?? "").replace(/&amp;|&#38;|&quot;|&#34;|&#39;/g, (e) => ENTITIES[e] ?? e));
}

/** Crawls same-origin links breadth first; every path reached with its status and the page that linked it. */
async function crawl(readerOf: ReaderOf, start: string[]): Promise<Map<string, { status: number; from: string }>> {
  const web = await serveWeb(db.prisma, NOW, { readerOf, signInRoutes: true });
  const seen = new Map<string, { status: number; from: string }>();
  try {
    const queue = start.map((path) => ({ path, from: "(start)" }));
    while (queue.length > 0 && seen.size < MAX_PAGES) {
      const { path, from } = queue.shift()!;
      if (seen.has(path)) continue;
      const res = await fetch(`${web.base}${path}`, { redirect: "manual", headers: { accept: "text/html" } });
      seen.set(path, { status: res.status, from });
      const body = await res.text();
      if (res.status !== 200 || !(res.headers.get("content-type") ?? "").includes("text/html")) continue;
      for (const href of hrefs(body)) {
        const url = new URL(href, `${web.base}${path}`);
        const next = `${url.pathname}${url.search}`;
        if (url.origin === web.base && !seen.has(next)) queue.push({ path: next, from: path });
      }
    }
  } finally {
    await web.close();
  }
  return seen;
}

const broken = (seen: Map<string, { status: number; from: string }>) =>
  [...seen].filter(([, r]) => r.status !== 200 && r.status !== 302 && r.status !== 303).map(([path, r]) => `${r.status} ${path} (linked from ${r.from})`);

describe("links between pages", () => {
  it("every internal href a signed-in reader meets answers 200 or a redirect", async () => {
    const reader = signedIn(readerWho("mona", ["octo/widgets", "octo/empty"]));
    const start = [repoPath("octo", "widgets"), repoPath("octo", "empty"), detailsPath("octo", "widgets", MAIN.m7), "/o/octo", "/o/octo/causes", "/o/octo/health", "/o/octo/patterns"];
    const seen = await crawl(reader, start);
    expect(broken(seen)).toEqual([]);
    // the crawl went well beyond its start: the repository's pages and its commits link each other
    const paths = [...seen.keys()];
    for (const page of ["causes", "health", "impact", "durations", "patterns", "statistics"]) expect(paths).toContain(`/r/octo/widgets/${page}`);
    expect(paths.filter((p) => p.includes("/commit/")).length).toBeGreaterThan(5);
  });

  it("a stranger with a private repository's signed links reaches its pages, never a 404", async () => {
    const privateSha = sha("c");
    const start = [repoPath("octo", "secret", repoPageToken(PAGE_SECRET, "octo", "secret")), detailsPath("octo", "secret", privateSha, pageToken(PAGE_SECRET, "octo", "secret", privateSha))];
    const seen = await crawl(signedIn(null), start);
    expect(broken(seen)).toEqual([]);
    expect([...seen.keys()].filter((p) => p.startsWith("/r/octo/secret/") && seen.get(p)?.status === 200).length).toBeGreaterThan(3);
  });
});
