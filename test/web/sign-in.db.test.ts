// Sign in with GitHub over HTTP against the GitHub double, with the real routes and database: the
// OAuth round trip, state tampering, forged and expired sessions, logout's CSRF guard, what a person
// may read (asked of GitHub with their token, cached 5 minutes), and a server without a client id.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { GRID_NOW, REPOS, seedOrgGrid } from "./seed-org-grid.js";
import { serveSignIn, type ServedSignIn } from "./serve-sign-in.js";

let database: TestDatabase;
const db = () => database;
let gh: GitHubDouble;
let web: ServedSignIn;

beforeAll(async () => {
  database = await createTestDatabase(); // seeded once: the tests only add sessions
  await seedOrgGrid(database.prisma);
  gh = await startGitHubDouble();
  gh.state.installations.set(7, { id: 7, account: { login: "acme", type: "Organization" } });
  gh.state.oauth.users.set("ada", { id: 42, repos: [{ id: Number(REPOS.api), owner: "acme", name: "api", private: true, installationId: 7 }] });
});
afterAll(async () => {
  await gh?.close();
  await database?.destroy();
});
beforeEach(async () => {
  gh.state.oauth.signInAs = "ada";
  web = await serveSignIn(db().prisma, gh, GRID_NOW);
});
afterEach(() => web.close());

const get = (url: string, cookie = "", headers: Record<string, string> = {}) => fetch(url, { redirect: "manual", headers: { cookie, ...headers } });
const cookieOf = (res: Response, name: string) => res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
const pair = (setCookie: string | undefined) => (setCookie ?? "").split(";")[0]!;

/** The whole round trip; returns the session cookie ("sift_session=…"). */
async function signIn(next = "/o/acme"): Promise<string> {
  const start = await get(`${web.base}/login?next=${encodeURIComponent(next)}`);
  expect(start.status).toBe(302);
  const stateCookie = pair(cookieOf(start, "sift_oauth"));
  const back = await get(start.headers.get("location")!);
  expect(back.status).toBe(302);
  const done = await get(back.headers.get("location")!, stateCookie);
  expect(done.status).toBe(302);
  expect(done.headers.get("location")).toBe(next);
  return pair(cookieOf(done, "sift_session"));
}

describe("Sign in with GitHub", () => {
  it("sends to GitHub's authorize page with the client id, the callback and a state kept in a sealed cookie", async () => {
    const res = await get(`${web.base}/login?next=/o/acme`);
    const to = new URL(res.headers.get("location")!);
    expect(`${to.origin}${to.pathname}`).toBe(`${gh.origin}/login/oauth/authorize`);
    expect(to.searchParams.get("client_id")).toBe(gh.state.oauth.clientId);
    expect(to.searchParams.get("redirect_uri")).toBe(`${web.base}/login/callback`);
    expect(to.searchParams.get("state")).toMatch(/^[\w-]{32}$/);
    expect(cookieOf(res, "sift_oauth")).toMatch(/^sift_oauth=[\w-]+\.[\w-]+; Path=\/; Max-Age=600; HttpOnly; SameSite=Lax$/);
  });

  it("signs in: the reader of one private repository sees it and the public one, not the other private one", async () => {
    const session = await signIn();
    expect(session).toMatch(/^sift_session=[\w-]+\.[\w-]+$/);
    const page = await get(`${web.base}/o/acme`, session);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("signed in as ada");
    expect(text).toMatch(/<th scope="row" class="og-repo">api<\/th>/);
    expect(text).toMatch(/<th scope="row" class="og-repo">web<\/th>/);
    expect(text).not.toContain("vault");
    const api = await get(`${web.base}/api/v1/orgs/acme/grid`, session);
    expect(((await api.json()) as { repositories: { name: string }[] }).repositories.map((r) => r.name)).toEqual(["api", "web"]);
    expect((await get(`${web.base}/o/other`, session)).status).toBe(200); // a public repository of another owner
    expect((await get(`${web.base}/o/nobody`, session)).status).toBe(404);
  });

  it("asks GitHub what a person may read once per 5 minutes per session", async () => {
    const session = await signIn();
    const asked = () => gh.state.requests.filter((r) => r.path.startsWith("/user/installations?")).length;
    const before = asked();
    await get(`${web.base}/o/acme`, session);
    await get(`${web.base}/api/v1/orgs/acme/grid`, session);
    expect(asked()).toBe(before + 1);
    web.clock.now = new Date(GRID_NOW.getTime() + 5 * 60_000 + 1);
    await get(`${web.base}/o/acme`, session);
    expect(asked()).toBe(before + 2);
  });

  it("refuses a callback whose state does not match its sealed cookie, or comes without one", async () => {
    const start = await get(`${web.base}/login`);
    const stateCookie = pair(cookieOf(start, "sift_oauth"));
    const back = new URL((await get(start.headers.get("location")!)).headers.get("location")!);
    const wrong = new URL(back);
    wrong.searchParams.set("state", "x".repeat(32));
    const tampered = stateCookie.replace(/.\./, (m) => `${m[0] === "A" ? "B" : "A"}.`);
    for (const [url, cookie] of [[wrong.href, stateCookie], [back.href, ""], [back.href, tampered]] as const) {
      const res = await get(url, cookie);
      expect(res.status).toBe(400);
      expect(cookieOf(res, "sift_session")).toBeUndefined();
      expect(await res.text()).toContain("not started here");
    }
    web.clock.now = new Date(GRID_NOW.getTime() + 11 * 60_000); // the state cookie lives 10 minutes
    expect((await get(back.href, stateCookie)).status).toBe(400);
  });

  it("sends a forged, tampered or expired session to sign in, and the API answers 401", async () => {
    const session = await signIn();
    const tampered = session.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    for (const cookie of ["", "sift_session=forged.value", tampered]) {
      const res = await get(`${web.base}/o/acme?days=30`, cookie);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/o/acme?days=30")}`);
      const api = await get(`${web.base}/api/v1/orgs/acme/grid`, cookie);
      expect(api.status).toBe(401);
      expect(await api.json()).toMatchObject({ error: "sign in with GitHub first" });
    }
    web.clock.now = new Date(GRID_NOW.getTime() + 8 * 3600_000 + 1);
    expect((await get(`${web.base}/o/acme`, session)).status).toBe(302);
  });

  it("logs out only by POST with the session's form token from Sift's own origin", async () => {
    const session = await signIn();
    const sessions = await db().prisma.readerSession.count();
    const confirm = await get(`${web.base}/logout`, session);
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get("content-security-policy")).toContain("form-action 'self'");
    const csrf = /name="csrf" value="([^"]+)"/.exec(await confirm.text())![1]!;
    expect((await get(`${web.base}/o/acme`, session)).status).toBe(200); // GET /logout did not log out
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${web.base}/logout`, { method: "POST", redirect: "manual", headers: { cookie: session, "content-type": "application/x-www-form-urlencoded", ...headers }, body });
    expect((await post("")).status).toBe(403);
    expect((await post(`csrf=${"A".repeat(csrf.length)}`)).status).toBe(403);
    expect((await post(`csrf=${encodeURIComponent(csrf)}`, { origin: "https://evil.example" })).status).toBe(403);
    expect((await get(`${web.base}/o/acme`, session)).status).toBe(200);
    const out = await post(`csrf=${encodeURIComponent(csrf)}`, { origin: web.base });
    expect(out.status).toBe(303);
    expect(cookieOf(out, "sift_session")).toMatch(/Max-Age=0/);
    expect((await get(`${web.base}/o/acme`, session)).status).toBe(302); // the old cookie no longer works
    expect(await db().prisma.readerSession.count()).toBe(sessions - 1);
  });

  it("keeps the user's token out of the cookie and encrypted in the database", async () => {
    const session = await signIn();
    const [token] = [...gh.state.oauth.userTokens.keys()].slice(-1);
    expect(Buffer.from(session.split("=")[1]!.split(".")[0]!, "base64url").toString()).not.toContain(token!);
    const row = await db().prisma.readerSession.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(row.login).toBe("ada");
    expect(Buffer.from(row.tokenCipher).toString("latin1")).not.toContain(token!);
  });

  it("says so when the person declines on GitHub", async () => {
    gh.state.oauth.signInAs = null;
    const start = await get(`${web.base}/login`);
    const back = await get(start.headers.get("location")!);
    const res = await get(back.headers.get("location")!, pair(cookieOf(start, "sift_oauth")));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("access_denied");
  });
});

describe("without GITHUB_CLIENT_ID", () => {
  it("says sign-in is not configured, and org pages still show nothing", async () => {
    const bare = await serveSignIn(db().prisma, null, GRID_NOW);
    try {
      const login = await get(`${bare.base}/login?next=/o/acme`);
      expect(login.status).toBe(503);
      expect(await login.text()).toContain("GITHUB_CLIENT_ID");
      expect((await get(`${bare.base}/o/acme`)).status).toBe(302);
      expect((await get(`${bare.base}/api/v1/orgs/acme/grid`)).status).toBe(401);
    } finally {
      await bare.close();
    }
  });
});
