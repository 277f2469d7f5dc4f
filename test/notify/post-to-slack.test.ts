// Slack's documented answers to an incoming webhook, and what Sift makes of each.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { postToSlack } from "../../src/notify/post-to-slack.js";
import { useStrictNock } from "../helpers/github-nock.js";

useStrictNock();
const HOOK = "https://hooks.slack.com";
const PATH = "/services/T000/B000/SECRETPART";
const URL = `${HOOK}${PATH}`;
const body = { text: "hello", blocks: [] };

describe("postToSlack", () => {
  it("sends the message as JSON and counts 200 ok as delivered", async () => {
    nock(HOOK).post(PATH, body).matchHeader("content-type", /application\/json/).reply(200, "ok");
    expect(await postToSlack(URL, body)).toEqual({ kind: "delivered" });
  });

  it("gives up on 4xx (invalid_payload, channel_not_found, channel_is_archived), quoting Slack but not the URL", async () => {
    nock(HOOK).post(PATH).reply(400, "invalid_payload").post(PATH).reply(404, "channel_not_found").post(PATH).reply(410, "channel_is_archived");
    const answers = [await postToSlack(URL, body), await postToSlack(URL, body), await postToSlack(URL, body)];
    expect(answers).toEqual([
      { kind: "refused", reason: "webhook refused the message: 400 invalid_payload" },
      { kind: "refused", reason: "webhook refused the message: 404 channel_not_found" },
      { kind: "refused", reason: "webhook refused the message: 410 channel_is_archived" },
    ]);
    expect(JSON.stringify(answers)).not.toContain("SECRETPART");
  });

  it("waits as long as 429's Retry-After says, and retries 5xx and lost connections with backoff", async () => {
    nock(HOOK).post(PATH).reply(429, "rate_limited", { "retry-after": "7" }).post(PATH).reply(503, "service_unavailable").post(PATH).replyWithError("socket hang up");
    expect(await postToSlack(URL, body)).toEqual({ kind: "retry", afterSeconds: 7, reason: "rate limited: 429 rate_limited" });
    expect(await postToSlack(URL, body)).toEqual({ kind: "retry", afterSeconds: null, reason: "webhook unavailable: 503 service_unavailable" });
    const lost = await postToSlack(URL, body);
    expect(lost).toMatchObject({ kind: "retry", afterSeconds: null });
    expect(JSON.stringify(lost)).not.toContain("SECRETPART");
  });

  it("does not follow a redirect (the message goes only where the operator said)", async () => {
    nock(HOOK).post(PATH).reply(302, "", { location: "https://elsewhere.example/" });
    expect(await postToSlack(URL, body)).toEqual({ kind: "refused", reason: "webhook refused the message: 302" });
  });
});
