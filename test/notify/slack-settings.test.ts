// The Slack webhook comes from the operator only: SIFT_SLACK_WEBHOOK_URL or a mounted secret file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/model/index.js";
import { readSettings } from "../../src/settings.js";

const URL = "https://hooks.slack.com/services/T1/B1/very-secret";

describe("SIFT_SLACK_WEBHOOK_URL", () => {
  it("is read from the environment or from the file SIFT_SLACK_WEBHOOK_URL_FILE names; none means no notifications", () => {
    expect(readSettings({}).slackWebhookUrl).toBeUndefined();
    expect(readSettings({ SIFT_SLACK_WEBHOOK_URL: URL }).slackWebhookUrl).toBe(URL);
    const dir = mkdtempSync(join(tmpdir(), "sift-slack-"));
    try {
      writeFileSync(join(dir, "hook"), `${URL}\n`);
      expect(readSettings({ SIFT_SLACK_WEBHOOK_URL_FILE: join(dir, "hook") }).slackWebhookUrl).toBe(URL);
      expect(() => readSettings({ SIFT_SLACK_WEBHOOK_URL_FILE: join(dir, "missing") })).toThrow(/cannot read .*missing: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a value that is not an http(s) URL without repeating it", () => {
    let message = "";
    try {
      readSettings({ SIFT_SLACK_WEBHOOK_URL: "hooks.slack.com/services/secret-value" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/must be an http\(s\) URL/);
    expect(message).not.toContain("secret-value");
  });

  it("cannot be set by a repository: .github/sift.yml only chooses events", () => {
    expect(configSchema.parse({}).notifications).toEqual({ default_branch_red: true, outage: true, new_cause: true });
    expect(configSchema.parse({ notifications: { outage: false } }).notifications.outage).toBe(false);
    expect(configSchema.safeParse({ notifications: { slack_webhook_url: URL } }).success).toBe(false);
  });
});
