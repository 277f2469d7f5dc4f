// The double behaves like GitHub where Sift depends on it: tokens, check runs, the log redirect.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startGitHubDouble, type GitHubDouble } from "./index.js";

let gh: GitHubDouble;
beforeAll(async () => {
  gh = await startGitHubDouble();
  gh.state.installations.set(7, { id: 7, account: { login: "octo", type: "Organization" } });
  gh.state.jobs.set(42, { id: 42, runId: 1, owner: "octo", repo: "app", name: "test", headSha: "a".repeat(40), conclusion: "failure", status: "completed", runAttempt: 1, log: "boom\n" });
});
afterAll(() => gh.close());

const api = (path: string, init: RequestInit = {}) => fetch(`${gh.origin}/api/v3${path}`, init);

it("issues installation tokens to a JWT and refuses repository calls without one", async () => {
  expect((await api("/app/installations/7/access_tokens", { method: "POST" })).status).toBe(401);
  const res = await api("/app/installations/7/access_tokens", { method: "POST", headers: { authorization: "Bearer a.b.c" } });
  const { token } = (await res.json()) as { token: string };
  expect((await api("/repos/octo/app/actions/jobs/42")).status).toBe(401);
  expect((await api("/repos/octo/app/actions/jobs/42", { headers: { authorization: `token ${token}` } })).status).toBe(200);

  const created = await api("/repos/octo/app/check-runs", {
    method: "POST",
    headers: { authorization: `token ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Sift", head_sha: "a".repeat(40), status: "completed", conclusion: "failure", output: { title: "t", summary: "s" } }),
  });
  expect(created.status).toBe(201);
  expect(gh.state.checkRunsFor("octo", "app", "a".repeat(40))).toMatchObject([{ name: "Sift", conclusion: "failure", writes: [{ output: { title: "t" } }] }]);

  const redirect = await api("/repos/octo/app/actions/jobs/42/logs", { headers: { authorization: `token ${token}` }, redirect: "manual" });
  expect(redirect.status).toBe(302);
  const location = redirect.headers.get("location")!;
  expect((await fetch(location, { headers: { authorization: `token ${token}` } })).status).toBe(403);
  expect(gh.state.storageAuthViolations).toEqual(["job 42"]);
  expect(await (await fetch(location)).text()).toBe("boom\n");
});
