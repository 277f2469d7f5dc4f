// GET /r/:owner/:repo over HTTP: HTML and JSON, escaping, and the private repository token rules.
import { describe, expect, it } from "vitest";
import { detailsPath, pageToken, repoPageToken, repoPath } from "../../src/web/index.js";
import { repoHistoryJson } from "../../src/web/history/repo-history-json.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { HOSTILE_JOB, HOSTILE_PATTERN, MAIN, NOW, seedHistory, sha } from "./seed-history.js";
import { useServedRoutes } from "./served-routes.js";
import { PAGE_SECRET } from "./serve-web.js";

const { db } = useSeededDatabase(seedHistory);
const web = useServedRoutes(db, NOW);
const get = web.get;

type RepoJson = ReturnType<typeof repoHistoryJson>;

describe("repository history route", () => {
  it("serves the page with the strict CSP, every cause and job name escaped", async () => {
    const res = await get(repoPath("octo", "widgets"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const body = await res.text();
    expect(body).not.toContain(HOSTILE_PATTERN);
    expect(body).not.toContain(HOSTILE_JOB);
    expect(body).toContain("<td>&#60;img src=x onerror=window.pwned=2&#62;</td>");
    expect(body).toContain("<title>&#60;img src=x onerror=window.pwned=2&#62;: median per day");
    expect(body).not.toMatch(/<script|<img/);
    expect(body).toContain("&#60;script&#62;window.pwned=1&#60;/script&#62;");
    expect(body).toContain("50 %</strong> broken: 3 of 6 finished commits");
    expect(body).toContain(`href="${web.base()}${detailsPath("octo", "widgets", MAIN.m7)}"`);
    expect(body).toMatch(/<svg class="spark"[^>]* role="img" aria-label="build: median per day from 2026-11-07: 1 m 40 s,/);
  });

  it("answers JSON for Accept: application/json and ?format=json", async () => {
    const res = await get(repoPath("octo", "widgets"), "application/json");
    expect(res.headers.get("content-type")).toBe("application/json");
    const body = (await res.json()) as RepoJson;
    expect(body.repository).toBe("octo/widgets");
    expect(body.defaultBranch).toMatchObject({ branch: "main", commits: 6, broken: 3, share: 0.5, streak: { red: true, sinceSha: MAIN.m6 } });
    expect(body.newCauses.causes.map((c) => c.cause)).toEqual(["signature sig-abc", HOSTILE_PATTERN]);
    expect(body.failures).toEqual({ days: 30, infrastructure: 5, test: 4 });
    expect(body.durations.jobs[0]).toMatchObject({ name: "build", thisWeek: 120, lastWeek: 100 });
    const viaQuery = (await (await get(`${repoPath("octo", "widgets")}?format=json`)).json()) as RepoJson;
    expect(viaQuery.causes.top).toHaveLength(5);
    expect(viaQuery.durations.jobs[2]!.name).toBe(HOSTILE_JOB); // JSON carries the raw name; only HTML needs escaping
  });

  it("shows an empty repository plainly, and 404s an unknown one", async () => {
    const res = await get(repoPath("octo", "empty"));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("No failures classified in the last 30 days.");
    expect(body).toContain("finished CI in the last 30 days");
    expect((await get(repoPath("octo", "nope"))).status).toBe(404);
    expect((await get(repoPath("octo", "nope"), "application/json")).status).toBe(404);
  });

  it("needs the repository token for a private repository: missing, wrong, a commit's or another repository's token → 404", async () => {
    const good = repoPageToken(PAGE_SECRET, "octo", "secret");
    expect((await get(repoPath("octo", "secret"))).status).toBe(404);
    expect((await get(repoPath("octo", "secret", good.slice(0, -2) + "xx"))).status).toBe(404);
    expect((await get(repoPath("octo", "secret", pageToken(PAGE_SECRET, "octo", "secret", sha("c"))))).status).toBe(404);
    expect((await get(repoPath("octo", "secret", repoPageToken(PAGE_SECRET, "octo", "widgets")))).status).toBe(404);
    expect((await get(repoPath("octo", "secret", repoPageToken("another-secret", "octo", "secret")))).status).toBe(404);
    // the repository token does not open a commit page either
    expect((await get(detailsPath("octo", "secret", sha("c"), good))).status).toBe(404);
    const res = await get(repoPath("OCTO", "Secret", good));
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("private-cause");
    // links to commit pages carry the commit's own token and open
    const link = `${web.base()}${detailsPath("octo", "secret", sha("c"), pageToken(PAGE_SECRET, "octo", "secret", sha("c")))}`;
    expect(body).toContain(`href="${link.replace(/&/g, "&#38;")}"`);
    expect((await fetch(link)).status).toBe(200);
  });

  it("links the repository's other pages, each opening with the private repository's token", async () => {
    const body = await (await get(repoPath("octo", "secret", repoPageToken(PAGE_SECRET, "octo", "secret")))).text();
    const hrefs = [...body.matchAll(/href="([^"]*\/r\/octo\/secret\/(causes|health|impact|durations|patterns|statistics)[^"]*)"/g)].map((m) => m[1]!.replaceAll("&#38;", "&"));
    expect(hrefs.map((h) => new URL(h).pathname.split("/").pop())).toEqual(["causes", "health", "impact", "durations", "patterns", "statistics"]);
    for (const href of hrefs) {
      expect(new URL(href).searchParams.get("token"), href).toBe(repoPageToken(PAGE_SECRET, "octo", "secret"));
      expect((await fetch(href)).status, href).toBe(200);
    }
  });

  it("links the history page from the details page header, with the repository token when private", async () => {
    const pub = await (await get(detailsPath("octo", "widgets", MAIN.m7))).text();
    expect(pub).toContain(`(<a href="${web.base()}/r/octo/widgets">history</a>)`);
    const priv = await (await get(detailsPath("octo", "secret", sha("c"), pageToken(PAGE_SECRET, "octo", "secret", sha("c"))))).text();
    const href = /\(<a href="([^"]+)">history<\/a>\)/.exec(priv)![1]!;
    expect(href).toBe(`${web.base()}${repoPath("octo", "secret", repoPageToken(PAGE_SECRET, "octo", "secret"))}`);
    expect((await fetch(href)).status).toBe(200);
  });
});

describe("owner and repository in the URL", () => {
  it("match exactly, ignoring case only: SQL LIKE wildcards match nothing", async () => {
    expect((await get("/r/OCTO/WIDGETS")).status).toBe(200);
    for (const path of ["/r/%25/%25", "/r/octo/%25", "/r/octo/widget_", "/r/octo/w%25", "/r/oct_/widgets", "/r/%25/widgets/commit/" + MAIN.m7]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("answer 404, not 500, to malformed escapes and NUL bytes", async () => {
    for (const path of ["/r/%/widgets", "/r/octo/%", "/r/octo/%E0%A4%A", "/r/%00/widgets", "/r/octo/wid%00gets", "/r/octo/widgets/commit/%"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

