// End to end: Sign in with GitHub in Chromium, through the real server and the GitHub double's
// OAuth pages. A reader of one private repository sees it (and the public one) on the org grid and
// not the other private one; logout works; a forged or expired cookie is sent to sign in again.
import { afterAll, beforeAll, expect, it } from "vitest";
import { INSTALLATION_ID, sha, workflowJobPayload } from "../helpers/payloads.js";
import { freePort, waitFor } from "../helpers/spawn-sift.js";
import { launchChromium } from "../web/browser.js";
import { sealValue } from "../../src/web/sign-in/sealed-value.js";
import { signInKeys } from "../../src/web/sign-in/sign-in-keys.js";
import { SECRET, useSiftWithDouble } from "./harness.js";

const OWNER = "octo-org";
const REPOS = [
  { id: 6001, owner: OWNER, name: "alpha", private: true },
  { id: 6002, owner: OWNER, name: "beta", private: true },
  { id: 6003, owner: OWNER, name: "gamma", private: false },
];
const port = freePort();
const base = `http://127.0.0.1:${port}`;

const { gh, sift } = useSiftWithDouble(
  (gh) => {
    gh.state.oauth.signInAs = "ada";
    gh.state.oauth.users.set("ada", { id: 77, repos: [{ ...REPOS[0]!, installationId: INSTALLATION_ID }] });
    REPOS.forEach((r, i) => gh.state.jobs.set(100 + i, { id: 100 + i, runId: 9100 + i, owner: r.owner, repo: r.name, name: "test", headSha: sha(0x50 + i), conclusion: "failure", status: "completed", runAttempt: 1, log: `Run npm test\nError: ${r.name} is broken\n##[error]Process completed with exit code 1.\n` }));
  },
  { PORT: String(port), SIFT_PUBLIC_URL: base, GITHUB_CLIENT_ID: "Iv1.double-client", GITHUB_CLIENT_SECRET: "double-client-secret" },
);

let browser: Awaited<ReturnType<typeof launchChromium>>;
beforeAll(async () => {
  browser = await launchChromium();
  for (const [i, r] of REPOS.entries()) {
    const p = workflowJobPayload({ id: 100 + i, sha: sha(0x50 + i), name: "test", runId: 9100 + i, repo: r });
    p.repository.private = r.private;
    Object.assign(p.workflow_job, { started_at: new Date(Date.now() - 60_000).toISOString(), completed_at: new Date().toISOString() });
    expect((await sift().deliver("workflow_job", p)).status).toBe(200);
  }
  // Each failure classified (its Sift check run written), so the grid has something to count.
  await waitFor(async () => (REPOS.every((r) => gh().state.checkRunsFor(r.owner, r.name, sha(0x50 + REPOS.indexOf(r))).some((c) => c.name === "Sift" && c.output?.title)) ? true : undefined), 60_000, "three Sift check runs");
}, 120_000);
afterAll(() => browser?.close());

it("signs in through GitHub and shows the one private repository the reader can read, then logs out", async () => {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => problems.push(m.text()));
  await page.goto(`${base}/o/${OWNER}`); // → /login → GitHub's authorize → /login/callback → back here
  expect(new URL(page.url()).pathname).toBe(`/o/${OWNER}`);
  expect(await page.locator(".crumbs").innerText()).toContain("signed in as ada");
  expect(await page.locator("tbody th.og-repo").allInnerTexts()).toEqual(["alpha", "gamma"]);
  expect(await page.content()).not.toContain("beta");
  const alphaToday = page.locator("tbody tr", { has: page.locator("th", { hasText: /^alpha$/ }) }).locator("td").last();
  expect(await alphaToday.locator(".og-n").innerText()).toBe("1");
  expect(await alphaToday.locator(".og-pop").innerText()).toContain("alpha is broken");
  const session = (await browser.context.cookies(base)).find((c) => c.name === "sift_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  expect(gh().state.requests.some((r) => r.path.startsWith("/user/installations/100/repositories"))).toBe(true);

  await page.locator("a", { hasText: "Sign out" }).click();
  expect(await page.locator("main").innerText()).toContain("signed in to Sift as ada");
  await page.locator("button", { hasText: "Sign out" }).click();
  expect(await page.locator("main").innerText()).toContain("You are not signed in");
  const after = await page.request.get(`${base}/o/${OWNER}`, { maxRedirects: 0 });
  expect(after.status()).toBe(302);
  expect(after.headers().location).toBe(`/login?next=${encodeURIComponent(`/o/${OWNER}`)}`);
  expect(problems).toEqual([]);
  await page.close();
});

it("sends a forged or expired session cookie to sign in", async () => {
  const keys = signInKeys(SECRET); // SIFT_PAGE_SECRET falls back to WEBHOOK_SECRET
  const expired = sealValue(keys.cookie, "some-session-secret", new Date(Date.now() - 1000));
  const unknown = sealValue(keys.cookie, "never-issued", new Date(Date.now() + 3600_000));
  for (const value of ["forged.cookie", expired, unknown]) {
    await browser.context.clearCookies();
    await browser.context.addCookies([{ name: "sift_session", value, url: base, httpOnly: true, sameSite: "Lax" }]);
    const page = await browser.context.newPage();
    const res = await page.request.get(`${base}/o/${OWNER}`, { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(res.headers().location).toMatch(/^\/login\?next=/);
    expect((await page.request.get(`${base}/api/v1/orgs/${OWNER}/grid`)).status()).toBe(401);
    await page.close();
  }
});
