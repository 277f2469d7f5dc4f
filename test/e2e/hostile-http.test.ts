// The built server, as an attacker meets it (issue 11, defects 2, 4 and 5): oversized and wrongly
// signed webhook bodies are refused before they are read, in one bounded log line without the
// payload; page tokens never reach the log; /metrics asks for its bearer token when one is set.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { signBody } from "../helpers/webhooks.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { ensureBuilt } from "./build.js";
import { SECRET, startSift, tempDataDir, type RunningSift } from "./harness.js";

const LIMIT = 1024 * 1024;
const METRICS_TOKEN = "e2e-metrics-token";

let gh: GitHubDouble;
let sift: RunningSift;
const data = tempDataDir();

beforeAll(async () => {
  await ensureBuilt();
  gh = await startGitHubDouble();
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
  sift = await startSift(gh, { SIFT_DATA_DIR: data.dir, SIFT_MAX_WEBHOOK_BYTES: String(LIMIT), SIFT_METRICS_TOKEN: METRICS_TOKEN });
}, 240_000);
afterAll(async () => {
  await sift?.stop();
  await gh?.close();
  data.remove();
});

/**
 * POSTs `body` in 64 KB writes, stopping once Sift answers; resolves with the status and bytes written.
 * With `pauseAfter`, writes no more than that until Sift answers: a server that had to read the body
 * before refusing it would never answer (the request then fails), whatever the machine's load.
 */
function post(body: Buffer, headers: Record<string, string | number>, pauseAfter = Number.POSITIVE_INFINITY): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = request(`${sift.base}/api/github/webhooks`, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "workflow_job", "x-github-delivery": "e2e-1", ...headers } }, (res) => {
      answered = true;
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, written }));
    });
    req.on("error", (err) => (answered ? undefined : reject(err)));
    void (async () => {
      for (let at = 0; at < body.length && !answered && !req.destroyed; at += 64 * 1024) {
        if (at >= pauseAfter) return; // the answer must come without more of the body
        const chunk = body.subarray(at, at + 64 * 1024);
        written += chunk.length;
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
      }
      req.end();
    })();
  });
}

const refusals = () => sift.logs().filter((l) => /webhook refused/.test(l.msg));

describe("webhook bodies", () => {
  it("refuses a 64 MB body with 413 before reading it, in one bounded line", async () => {
    const body = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const res = await post(body, { "content-length": body.length, "x-hub-signature-256": signBody(SECRET, "x") }, LIMIT);
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThanOrEqual(LIMIT);
    await waitFor(async () => (refusals().length === 1 ? true : undefined), 5000, "the refusal line");
    expect(JSON.stringify(refusals()[0]).length).toBeLessThan(600);
  }, 60_000);

  it("refuses a wrongly signed body with 401, logging neither the payload nor an error", async () => {
    const payload = Buffer.from(JSON.stringify({ ...workflowJobPayload({ id: 1, sha: sha(1), name: "unit" }), marker: "PAYLOAD-MARKER".repeat(20_000) }));
    const res = await post(payload, { "content-length": payload.length, "x-hub-signature-256": signBody("not-the-secret", payload.toString()) });
    expect(res.status).toBe(401);
    await waitFor(async () => (refusals().length === 2 ? true : undefined), 5000, "the refusal line");
    expect(sift.proc.output()).not.toContain("PAYLOAD-MARKER");
    expect(sift.logs().filter((l) => l.level >= 50)).toEqual([]);
  });

  it("still accepts a signed delivery under the limit", async () => {
    expect((await sift.deliver("workflow_job", workflowJobPayload({ id: 2, sha: sha(2), name: "unit" }))).status).toBe(200);
  });
});

describe("pages and metrics", () => {
  it("keeps a page token out of the log: message, req.url and referer", async () => {
    const token = "v1.SEKRET-TOKEN-VALUE";
    const res = await fetch(`${sift.base}/r/${REPO.owner}/${REPO.name}?token=${token}`, { headers: { referer: `https://sift.e2e/r/x/y?token=${token}` } });
    expect(res.status).toBe(200); // the repository is public (stored by the delivery above)
    await new Promise((r) => setTimeout(r, 300));
    expect(sift.logs().some((l) => l.msg.includes(`/r/${REPO.owner}/${REPO.name}?token=[redacted]`))).toBe(true);
    expect(sift.proc.output()).not.toContain("SEKRET");
  });

  it("asks for SIFT_METRICS_TOKEN on /metrics", async () => {
    expect((await fetch(`${sift.base}/metrics`)).status).toBe(401);
    const ok = await fetch(`${sift.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^sift_webhooks_total\{event="workflow_job",outcome="stored"\} 1$/m);
  });
});
