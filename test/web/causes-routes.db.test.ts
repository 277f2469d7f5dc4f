// Who may see the causes pages and their API: the repository page as the history page (public,
// token, or a reader who can read it), the organisation page and /api/v1 only for a signed-in reader,
// and an organisation's private repositories only for readers who can read them.
import { describe, expect, it } from "vitest";
import { repoPageToken } from "../../src/web/index.js";
import { readerWho } from "../helpers/reader.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { NOW, seedCauses } from "./seed-causes.js";
import { useServedRoutes } from "./served-routes.js";
import { PAGE_SECRET } from "./serve-web.js";

const { db } = useSeededDatabase((prisma) => seedCauses(prisma, 40));
const { get, signIn: as } = useServedRoutes(db, NOW);

describe("causes routes", () => {
  it("serves a public repository's causes to anybody, as HTML and JSON, with the window asked for", async () => {
    as(null);
    const page = await get("/r/octo/app/causes");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("octo/app: causes of failed jobs");
    const json = (await (await get("/r/octo/app/causes?days=7&format=json")).json()) as { repository: string; days: number; causes: { daily: number[] }[] };
    expect(json.repository).toBe("octo/app");
    expect(json.days).toBe(7);
    expect(json.causes[0]!.daily).toHaveLength(7);
    expect(((await (await get("/r/octo/app/causes?days=1000", "application/json")).json()) as { days: number }).days).toBe(30);
  });

  it("opens a private repository with its token or for a reader who can read it, else 404", async () => {
    as(null);
    expect((await get("/r/octo/vault/causes")).status).toBe(404);
    expect((await get(`/r/octo/vault/causes?token=${repoPageToken(PAGE_SECRET, "octo", "vault")}`)).status).toBe(200);
    as(readerWho("mona", ["octo/app"]));
    expect((await get("/r/octo/vault/causes")).status).toBe(404);
    as(readerWho("mona", ["octo/vault"]));
    expect((await get("/r/octo/vault/causes")).status).toBe(200);
    expect((await get("/r/octo/nothing/causes")).status).toBe(404);
  });

  it("sends an organisation page's visitor to sign in, and shows a reader only what they can read", async () => {
    as(null);
    const redirect = await get("/o/octo/causes?days=7");
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/o/octo/causes?days=7")}`);
    as(readerWho("mona", []));
    const publicOnly = (await (await get("/api/v1/orgs/octo/causes?days=90")).json()) as { organisation: string; causes: { latest: { repository: string } | null }[] };
    expect(publicOnly.organisation).toBe("octo");
    const seen = new Set(publicOnly.causes.map((c) => c.latest?.repository));
    expect(seen.has("octo/vault")).toBe(false);
    expect(seen.has("other/x")).toBe(false);
    as(readerWho("mona", ["octo/vault"]));
    const all = (await (await get("/api/v1/orgs/OCTO/causes?days=90")).json()) as { failures: number };
    expect(all.failures).toBeGreaterThan(0);
    expect((await get("/o/octo/causes")).status).toBe(200);
    expect((await get("/o/nobody/causes")).status).toBe(404);
    expect((await get("/o/oct_/causes")).status).toBe(404);
  });

  it("answers the API with 401 JSON without a reader, 404 for what the reader cannot read", async () => {
    as(null);
    for (const path of ["/api/v1/orgs/octo/causes", "/api/v1/repos/octo/app/causes"]) {
      const res = await get(path);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(await res.json()).toEqual({ error: "sign in required" });
    }
    as(readerWho("mona", []));
    expect((await get("/api/v1/repos/octo/vault/causes")).status).toBe(404);
    const app = (await (await get("/api/v1/repos/octo/app/causes")).json()) as { repository: string; tests: unknown[] };
    expect(app.repository).toBe("octo/app");
    expect(Array.isArray(app.tests)).toBe(true);
  });
});
