// End to end: the real server with a Slack webhook (a local HTTP double standing for Slack): a genuine
// failure on the default branch posts exactly one message, however often the branch stays red; a
// failure on another branch posts none. /metrics counts the message and the GitHub calls behind it.
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { freePort, waitFor } from "../helpers/spawn-sift.js";
import { useSiftWithDouble } from "./harness.js";

const SLACK_PORT = freePort();
const SLACK_PATH = "/services/T0E2E/B0E2E/e2e-webhook-secret-part";
const posted: { text: string; blocks: { text: { text: string } }[] }[] = [];
let slack: Server;
beforeAll(async () => {
  slack = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method === "POST" && req.url === SLACK_PATH) posted.push(JSON.parse(body) as (typeof posted)[number]);
      res.writeHead(req.url === SLACK_PATH ? 200 : 404).end(req.url === SLACK_PATH ? "ok" : "no_service");
    });
  });
  await new Promise<void>((resolve) => slack.listen(SLACK_PORT, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => slack.close(() => resolve())));

const { gh, sift } = useSiftWithDouble(undefined, { SIFT_SLACK_WEBHOOK_URL: `http://127.0.0.1:${SLACK_PORT}${SLACK_PATH}` });

const RUFF = readCorpusFile(join(corpusDir(), "logs", "genuine/gha-tagstudio-ruff-format-check.raw.log"));

async function failOn(id: number, headSha: string, branch: string): Promise<void> {
  gh().state.jobs.set(id, { id, runId: 7000 + id, owner: REPO.owner, repo: REPO.name, name: `lint-${id}`, headSha, conclusion: "failure", status: "completed", runAttempt: 1, log: RUFF });
  const payload = workflowJobPayload({ id, sha: headSha, name: `lint-${id}`, runId: 7000 + id });
  payload.workflow_job.head_branch = branch;
  payload.repository.default_branch = "main";
  expect((await sift().deliver("workflow_job", payload)).status).toBe(200);
}

/** The value of one series in /metrics (0 when absent). */
async function metric(series: string): Promise<number> {
  const text = await (await fetch(`${sift().base}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(" ")[1]) : 0;
}
const analyses = async () => (await metric('sift_analyses_total{conclusion="failure"}')) + (await metric('sift_analyses_total{conclusion="in_progress"}'));

it("posts one Slack message when the default branch turns red for a genuine failure, and no second one while it stays red", async () => {
  const first = sha(0x5a1);
  await failOn(9101, first, "main");
  await waitFor(async () => (posted.length ? true : undefined), 45_000, "the Slack message");
  expect(posted).toHaveLength(1);
  expect(posted[0]!.text).toBe(`${REPO.owner}/${REPO.name}: main turned red at ${first.slice(0, 7)}: 1 genuine failure`);
  expect(posted[0]!.blocks[0]!.text.text).toContain("Would reformat: tagstudio/src/qt/widgets/thumb_renderer.py");

  // the next commit on main is red too, and a pull request branch fails: no message for either
  const before = await analyses();
  await failOn(9102, sha(0x5a2), "main");
  await failOn(9103, sha(0x5a3), "feature/x");
  await waitFor(async () => ((await analyses()) >= before + 2 ? true : undefined), 45_000, "both analyses");
  expect(await metric('sift_notifications_total{event="default_branch_red",outcome="queued"}')).toBe(1);
  expect(await metric('sift_notifications_total{event="default_branch_red",outcome="delivered"}')).toBe(1);
  expect(posted).toHaveLength(1);
  // the Octokit hook counted the check runs Sift wrote, by route template
  expect(await metric('sift_github_requests_total{route="/repos/{owner}/{repo}/check-runs",method="POST",status="2xx"}')).toBeGreaterThanOrEqual(3);
  // the webhook URL is a secret: never in the log
  expect(sift().proc.output()).not.toContain("e2e-webhook-secret-part");
});
