// A whole flow on a private repository — deliveries, analysis, the check run, its details page and the
// repository page through their signed links, a /retry command, /metrics — then every line the server
// wrote (stdout and stderr) and every page it served is searched for the App's private key, the
// webhook secret, the installation tokens and app JWTs the double saw, and the page tokens.
import { expect, it } from "vitest";
import { testPrivateKey } from "../helpers/keys.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { SECRET, useSiftWithDouble } from "./harness.js";

const { gh, sift } = useSiftWithDouble((gh) => gh.state.permissions.set("writer", "write"), { LOG_LEVEL: "trace", SIFT_COOL_OFF_SECONDS: "0" });

const GENUINE = "2024-01-01T00:00:00.0000000Z ##[group]Run make\n2024-01-01T00:00:01.0000000Z error: the build broke\n";
const FLAKY = "2024-01-01T00:00:00.0000000Z ##[error]The runner: ubuntu-22 lost communication with the server.\n";
const S = sha(0x5ec);
const PR = 77;
const privateRepo = (p: ReturnType<typeof workflowJobPayload>) => ({ ...p, repository: { ...(p.repository as object), private: true } });
/** Every page body served, for the search at the end. */
const pages: string[] = [];

async function page(url: string, accept = "text/html"): Promise<{ status: number; body: string }> {
  const res = await fetch(url.replace("https://sift.e2e", sift().base), { headers: { accept } });
  const body = await res.text();
  pages.push(body);
  return { status: res.status, body };
}

it("runs the flow on a private repository, its pages opened through their signed links", async () => {
  for (const [id, log] of [[1, GENUINE], [2, FLAKY]] as const) {
    gh().state.jobs.set(id, { id, runId: 9900 + id, owner: REPO.owner, repo: REPO.name, name: `job-${id}`, headSha: S, conclusion: "failure", status: "completed", runAttempt: 1, log });
  }
  gh().state.pulls.set(PR, { number: PR, headSha: S, headRef: "feature", baseRef: "main", baseSha: sha(0x5ed), body: null });
  const pr = exampleOf("pull_request", "opened");
  pr.number = PR;
  pr.installation = { id: INSTALLATION_ID, node_id: "x" };
  pr.repository = { ...pr.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...pr.repository.owner, login: REPO.owner }, private: true };
  pr.pull_request = { ...pr.pull_request, number: PR, head: { ...pr.pull_request.head, sha: S, ref: "feature" }, base: { ...pr.pull_request.base, sha: sha(0x5ed), ref: "main" } };
  expect((await sift().deliver("pull_request", pr)).status).toBe(200);
  for (const id of [1, 2]) expect((await sift().deliver("workflow_job", privateRepo(workflowJobPayload({ id, sha: S, name: `job-${id}`, runId: 9900 + id })))).status).toBe(200);

  // The flaky job's re-run keeps the check run in progress (its outcome is not in yet): its report is written.
  const run = await waitFor(async () => gh().state.checkRunsFor(REPO.owner, REPO.name, S).find((c) => c.details_url && c.output?.title?.includes("to fix")), 60_000, "the check run");
  expect(run.details_url).toMatch(/\?token=[\w-]+/);
  await waitFor(async () => (gh().state.reruns.some((r) => r.id === 2) ? true : undefined), 30_000, "the flaky job's re-run");

  const details = await page(run.details_url!);
  expect(details.status).toBe(200);
  expect(details.body).toContain("error: the build broke");
  expect((await page(run.details_url!, "application/json")).status).toBe(200);
  expect((await page(run.details_url!.replace(/token=[^&]+/, "token=forged"))).status).toBe(404);
  const repoLink = /href="([^"]*\/r\/[^"/]+\/[^"/?]+\?token=[^"]+)"/.exec(details.body)?.[1]?.replace(/&amp;/g, "&");
  expect(repoLink, "the details page links the repository page with its token").toBeDefined();
  expect((await page(new URL(repoLink!, sift().base).toString())).status).toBe(200);
  expect((await page(`${sift().base}/metrics`, "text/plain")).status).toBe(200);
  expect((await page(`${sift().base}/healthz`, "text/plain")).status).toBe(200);

  const comment = exampleOf("issue_comment", "created");
  comment.installation = { id: INSTALLATION_ID, node_id: "x" };
  comment.repository = { ...comment.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...comment.repository.owner, login: REPO.owner }, private: true };
  comment.issue = { ...comment.issue, number: PR, pull_request: { url: "x" } };
  comment.comment = { ...comment.comment, id: 880, body: "/retry job-1", user: { ...comment.comment.user, login: "writer", type: "User" } };
  expect((await sift().deliver("issue_comment", comment)).status).toBe(200);
  await waitFor(async () => (gh().state.reactions.some((r) => r.commentId === 880) ? true : undefined), 30_000, "the command's reaction");
  expect(gh().state.reruns.map((r) => r.id).sort()).toEqual([1, 2]);
}, 120_000);

it("writes none of the secrets to its logs, and serves none in its pages", async () => {
  await sift().stop(); // everything flushed, shutdown lines included
  const logs = sift().proc.output();
  expect(logs.length).toBeGreaterThan(10_000); // trace level: requests, deliveries, analyses
  const keyLines = testPrivateKey()
    .split("\n")
    .filter((l) => l.length >= 40 && !l.startsWith("-----"));
  const installationTokens = [...gh().state.tokens];
  const jwts = [...new Set(gh().state.requests.map((r) => r.authorization ?? "").filter((a) => /^bearer /i.test(a)).map((a) => a.slice(7)))];
  const run = gh().state.checkRunsFor(REPO.owner, REPO.name, S)[0]!;
  const pageTokens = [...new Set([run.details_url!, ...pages].flatMap((t) => [...t.matchAll(/token=([\w-]{16,})/g)].map((m) => m[1]!)))];
  expect(keyLines.length).toBeGreaterThan(10);
  expect(installationTokens.length).toBeGreaterThan(0);
  expect(jwts.length).toBeGreaterThan(0);
  expect(pageTokens.length).toBeGreaterThanOrEqual(2); // the commit page's and the repository page's

  const secrets: [string, string[]][] = [
    ["private key", keyLines],
    ["webhook secret", [SECRET]],
    ["installation token", installationTokens],
    ["app JWT", jwts],
  ];
  // A leak fails with the line that carries it (secret masked), to find the code that wrote it.
  const lineWith = (v: string) => (logs.split("\n").find((l) => l.includes(v)) ?? "").replaceAll(v, "<SECRET>").slice(0, 600);
  for (const [what, values] of [...secrets, ["page token", pageTokens] as [string, string[]]]) {
    expect(values.filter((v) => logs.includes(v)).map(lineWith), `${what} in the server's output`).toEqual([]);
  }
  // Pages carry page tokens in their own links (that is how a reader moves between private pages), never the rest.
  const served = pages.join("\n");
  for (const [what, values] of secrets) expect(values.filter((v) => served.includes(v)), `${what} in a served page`).toEqual([]);
  // Nor what Sift wrote on GitHub: check runs and comments.
  const written = JSON.stringify([...gh().state.checkRuns.values()].map((c) => c.writes)) + JSON.stringify(gh().state.comments);
  for (const [what, values] of secrets) expect(values.filter((v) => written.includes(v)), `${what} written to GitHub`).toEqual([]);
});
