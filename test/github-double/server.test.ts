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

it("injects GitHub's failures from its fault table, each for as many requests as asked", async () => {
  const res = await api("/app/installations/7/access_tokens", { method: "POST", headers: { authorization: "Bearer a.b.c" } });
  const { token } = (await res.json()) as { token: string };
  const auth = { authorization: `token ${token}` };

  gh.faults.add("GET /repos/:owner/:repo/actions/jobs/:id", { kind: "status", status: 503 }, 2);
  expect((await api("/repos/octo/app/actions/jobs/42", { headers: auth })).status).toBe(503);
  expect((await api("/repos/octo/app/actions/jobs/42", { headers: auth })).status).toBe(503);
  expect((await api("/repos/octo/app/actions/jobs/42", { headers: auth })).status).toBe(200);

  // lost: GitHub acted (a new run attempt), the answer did not come back
  gh.faults.add("POST /repos/:owner/:repo/actions/jobs/:id/rerun", { kind: "lost" });
  expect((await api("/repos/octo/app/actions/jobs/42/rerun", { method: "POST", headers: auth })).status).toBe(502);
  expect(gh.state.reruns).toEqual([{ owner: "octo", repo: "app", kind: "job", id: 42 }]);
  expect(await (await api("/repos/octo/app/actions/runs/1", { headers: auth })).json()).toMatchObject({ run_attempt: 2, status: "completed" });

  gh.faults.add("GET /repos/:owner/:repo/actions/jobs/:id", { kind: "secondary-rate-limit", retryAfterSeconds: 3 });
  const secondary = await api("/repos/octo/app/actions/jobs/42", { headers: auth });
  expect([secondary.status, secondary.headers.get("retry-after"), ((await secondary.json()) as { message: string }).message]).toEqual([403, "3", expect.stringMatching(/secondary rate limit/)]);

  const resetAt = Math.floor(Date.now() / 1000) + 1;
  gh.faults.add("GET *", { kind: "rate-limit", resetAt }, Infinity);
  const limited = await api("/repos/octo/app/actions/jobs/42", { headers: auth });
  expect([limited.status, limited.headers.get("x-ratelimit-remaining"), limited.headers.get("x-ratelimit-reset")]).toEqual([403, "0", String(resetAt)]);
  await new Promise((r) => setTimeout(r, resetAt * 1000 - Date.now() + 10));
  expect((await api("/repos/octo/app/actions/jobs/42", { headers: auth })).status).toBe(200); // reset passed

  gh.faults.add("GET /_storage/logs/:id", { kind: "break", afterBytes: 2 });
  const location = (await api("/repos/octo/app/actions/jobs/42/logs", { headers: auth, redirect: "manual" })).headers.get("location")!;
  const broken = await fetch(location);
  expect(broken.status).toBe(200);
  await expect(broken.text()).rejects.toThrow();

  gh.faults.add("GET /_storage/logs/:id", { kind: "hang" });
  await expect(fetch(location, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|aborted/i);
  expect(gh.faults.injected.map((i) => i.kind)).toEqual(["status", "status", "lost", "secondary-rate-limit", "rate-limit", "break", "hang"]);
});
