// The patterns routes over HTTP: a repository's page with the history page's access rules, the
// organisation page and the JSON API for signed-in readers only, and the search's JSON and errors.
import { describe, expect, it } from "vitest";
import { repoPageToken } from "../../src/web/index.js";
import { readerWho } from "../helpers/reader.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { NOW, seedPatterns } from "./seed-patterns.js";
import { useServedRoutes } from "./served-routes.js";
import { PAGE_SECRET } from "./serve-web.js";

const { db } = useSeededDatabase(seedPatterns);
const web = useServedRoutes(db, NOW);
const get = web.get;

describe("/r/:owner/:repo/patterns", () => {
  it("serves a public repository's patterns as HTML and JSON, suggestions included", async () => {
    const page = await get("/r/octo/widgets/patterns");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const json = (await (await get("/r/octo/widgets/patterns?format=json")).json()) as { patterns: { id: string; demoted: unknown[]; rescueRate: number | null }[]; suggestions: { id: string }[] };
    expect(json.patterns.find((p) => p.id === "gha.runner-lost")?.demoted).toHaveLength(1);
    expect(json.patterns.find((p) => p.id === "net.reset")?.rescueRate).toBe(0.75);
    expect(json.suggestions.map((s) => s.id)).toEqual(["suggested.error-socket-closed-by-after"]);
  });

  it("opens a private repository only with its token or for a reader who can read it", async () => {
    expect((await get("/r/octo/secret/patterns")).status).toBe(404);
    expect((await get(`/r/octo/secret/patterns?token=${repoPageToken(PAGE_SECRET, "octo", "secret")}`)).status).toBe(200);
    web.signIn(readerWho("alice", ["octo/secret"]));
    expect((await get("/r/octo/secret/patterns")).status).toBe(200);
    web.signIn(readerWho("bob", []));
    expect((await get("/r/octo/secret/patterns")).status).toBe(404);
    expect((await get("/r/octo/nope/patterns")).status).toBe(404);
    web.signIn(null);
  });
});

describe("/api/v1/repos/:owner/:repo/patterns and /o/:owner/patterns", () => {
  it("asks for a signed-in reader: 401 JSON from the API, a redirect to sign in from the org page", async () => {
    const api = await get("/api/v1/repos/octo/widgets/patterns", "application/json");
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: "sign in first" });
    const org = await get("/o/octo/patterns");
    expect(org.status).toBe(302);
    expect(org.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/o/octo/patterns")}`);
  });

  it("shows a reader only the repositories they may read", async () => {
    web.signIn(readerWho("bob", []));
    expect((await get("/api/v1/repos/octo/secret/patterns")).status).toBe(404);
    const api = (await (await get("/api/v1/repos/octo/widgets/patterns")).json()) as { repositories: string[] };
    expect(api.repositories).toEqual(["octo/widgets"]);
    const org = (await (await get("/o/octo/patterns?format=json")).json()) as { repositories: string[]; patterns: { id: string; hits: number }[] };
    expect(org.repositories).toEqual(["octo/widgets"]);
    expect(org.patterns.find((p) => p.id === "gha.runner-lost")?.hits).toBe(6);
    web.signIn(readerWho("alice", ["octo/secret"]));
    const all = (await (await get("/o/octo/patterns?format=json")).json()) as { repositories: string[]; patterns: { id: string; hits: number }[] };
    expect(all.repositories).toEqual(["octo/secret", "octo/widgets"]);
    expect(all.patterns.find((p) => p.id === "gha.runner-lost")?.hits).toBe(7);
    expect((await get("/o/nobody/patterns")).status).toBe(404);
    web.signIn(null);
  });
});

describe("/r/:owner/:repo/search", () => {
  it("answers JSON with links to details pages, and 400 with RE2's reason for an invalid regex", async () => {
    const ok = await get(`/r/octo/widgets/search?q=${encodeURIComponent("Connection reset")}&format=json`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { matched: number; hits: { details: string; lines: { text: string }[] }[] };
    expect(body.matched).toBe(1);
    expect(body.hits[0]?.details).toBe(`${web.base()}/r/octo/widgets/commit/${"b".repeat(40)}`);
    const bad = await get(`/r/octo/widgets/search?q=${encodeURIComponent("(?<=x)y")}&format=json`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^not a valid RE2 regular expression: /);
    expect((await get("/r/octo/secret/search?q=secret&format=json")).status).toBe(404);
  });
});
