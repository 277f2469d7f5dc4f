// The health, impact and durations pages and their /api/v1 JSON over HTTP: who may see what, and
// that the answers carry the figures (the aggregations themselves: insight-data.db.test.ts).
import { describe, expect, it } from "vitest";
import { repoPageToken } from "../../src/web/index.js";
import { readerWho } from "../helpers/reader.js";
import { useInsightDatabase } from "./insight-database.js";
import { HOSTILE_JOB, MAIN, NOW } from "./seed-history.js";
import { useServedRoutes } from "./served-routes.js";
import { PAGE_SECRET } from "./serve-web.js";

const { db } = useInsightDatabase();
const web = useServedRoutes(db, NOW);
const get = web.get;
const getJson = async (path: string) => {
  const r = await get(path, "application/json");
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
};

describe("repository pages", () => {
  it("serve a public repository's health, impact and durations to anybody, as HTML under the strict CSP and as JSON", async () => {
    web.signIn(null);
    for (const page of ["health", "impact", "durations"]) {
      const r = await get(`/r/octo/widgets/${page}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'sha256-/);
      const text = await r.text();
      expect(text).not.toContain("<script");
    }
    const health = await getJson("/r/octo/widgets/health?format=json");
    expect(health.body).toMatchObject({ repository: "octo/widgets", commits: 6, broken: 3, share: 0.5, medianTimeToFixSeconds: 2 * 86_400, open: { sinceSha: MAIN.m6, commits: 2 } });
    expect(JSON.stringify(health.body)).toContain(HOSTILE_JOB);
    expect((await get("/r/octo/widgets/health")).headers.get("content-type")).toContain("text/html");
    expect(await (await get("/r/octo/widgets/health")).text()).not.toContain(HOSTILE_JOB); // escaped
  });

  it("open a private repository with its repository token or for a reader who can read it, else 404", async () => {
    web.signIn(null);
    expect((await get("/r/gen/vault/health")).status).toBe(404);
    expect((await get(`/r/gen/vault/impact?token=${repoPageToken(PAGE_SECRET, "gen", "vault")}`)).status).toBe(200);
    expect((await get(`/r/gen/vault/impact?token=${repoPageToken(PAGE_SECRET, "gen", "app")}`)).status).toBe(404);
    web.signIn(readerWho("mallory", ["gen/app"]));
    expect((await get("/r/gen/vault/durations")).status).toBe(404);
    web.signIn(readerWho("alice", ["gen/vault"]));
    const r = await get("/r/gen/vault/durations");
    expect(r.status).toBe(200);
    // the page's own links carry the token, so they work when shared with the repository's people
    expect(await r.text()).toContain(`/r/gen/vault/health?token=${encodeURIComponent(repoPageToken(PAGE_SECRET, "gen", "vault"))}`);
  });
});

describe("/api/v1", () => {
  it("answers 401 without a signed-in reader, 404 for a repository the reader cannot read, JSON otherwise", async () => {
    web.signIn(null);
    expect((await getJson("/api/v1/repos/gen/app/health")).status).toBe(401);
    expect((await getJson("/api/v1/orgs/gen/health")).status).toBe(401);
    web.signIn(readerWho("mallory", []));
    expect((await getJson("/api/v1/repos/gen/vault/impact")).status).toBe(404);
    expect((await getJson("/api/v1/repos/gen/nothing/impact")).status).toBe(404);
    const app = await getJson("/api/v1/repos/gen/app/impact");
    expect(app.status).toBe(200);
    expect(app.body).toMatchObject({ repository: "gen/app", days: 30 });
    expect((app.body.firstAttempt as { rate: number }).rate).toBeGreaterThan(0.5);
  });

  it("gives durations with the slowdown verdicts, and one job's steps", async () => {
    web.signIn(readerWho("alice", []));
    const all = await getJson("/api/v1/repos/gen/app/durations");
    const jobs = all.body.jobs as { name: string; slowdown: { flagged: boolean }; window: { runs: number } }[];
    expect(jobs[0]).toMatchObject({ name: "build", slowdown: { flagged: true } });
    expect(all.body.slowdownPolicy).toMatchObject({ recentDays: 3, baselineDays: 14, minIncrease: 0.2, alpha: 0.01 });
    const build = await getJson("/api/v1/repos/gen/app/durations?job=build");
    expect((build.body.job as { steps: { name: string }[] }).steps.map((s) => s.name)).toEqual(["Set up job", "Compile"]);
  });

  it("lists an owner's readable repositories with their health", async () => {
    web.signIn(readerWho("mallory", []));
    const open = await getJson("/api/v1/orgs/gen/health");
    expect((open.body.repositories as { repository: string }[]).map((r) => r.repository)).toEqual(["gen/app"]);
    web.signIn(readerWho("alice", ["gen/vault"]));
    const both = await getJson("/api/v1/orgs/GEN/health");
    expect((both.body.repositories as { repository: string }[]).map((r) => r.repository)).toEqual(["gen/app", "gen/vault"]);
    expect((both.body.daily as unknown[]).length).toBe(30);
    expect((await getJson("/api/v1/orgs/nobody/health")).status).toBe(404);
  });
});

describe("org page", () => {
  it("redirects to sign in without a reader, and shows the readable repositories with one", async () => {
    web.signIn(null);
    const r = await get("/o/octo/health");
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toBe("/login?next=%2Fo%2Focto%2Fhealth");
    web.signIn(readerWho("alice", []));
    const page = await get("/o/octo/health");
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain(">widgets</a>");
    expect(text).not.toContain("secret");
  });
});
