// Log-derived text in Slack messages: no mentions, no forged links, no credentials.
import { describe, expect, it } from "vitest";
import { defaultBranchRedMessage, newCauseMessage, outageMessage } from "../../src/notify/slack-messages.js";
import { slackCode, slackLink, slackText } from "../../src/notify/slack-text.js";

describe("slackText", () => {
  it("escapes &, < and > and strips every kind of mention", () => {
    expect(slackText("a < b && c > d")).toBe("a &lt; b &amp;&amp; c &gt; d");
    expect(slackText("hey <!channel> <!here|here> <@U024BE7LH> <#C123|general> <!subteam^S1|team> @here @channel @Everyone done")).toBe(
      "hey here channel Everyone done",
    );
    // a forged link cannot survive: the angle brackets are escaped
    expect(slackText("<https://evil.example|click me>")).toBe("&lt;https://evil.example|click me&gt;");
    // an escaped mention in the log stays text: Slack decodes once, to &lt;!channel&gt;
    expect(slackText("&lt;!channel&gt;")).toBe("&amp;lt;!channel&amp;gt;");
  });

  it("removes credentials, control characters and line breaks, and truncates", () => {
    const text = slackText("push failed ghp_abcdefghijklmnopqrstuvwxyz0123 to https://hooks.slack.com/services/T0/B0/XYZ token=s3cr3tvalue99 xoxb-1234567890-abcdef\u0007\nnext");
    expect(text).not.toMatch(/ghp_|hooks\.slack|s3cr3t|xoxb-|\n/);
    expect(text).not.toContain(String.fromCharCode(7));
    expect(text).toBe("push failed [redacted] to [redacted] token=[redacted] [redacted] next");
    expect(slackText("x".repeat(500), 50)).toHaveLength(50);
  });

  it("keeps code spans closed and link labels from breaking the link", () => {
    expect(slackCode("expected `a` got `b`")).toBe("`expected 'a' got 'b'`");
    expect(slackLink("https://github.com/o/r/commit/abc", "a|b <c>")).toBe("<https://github.com/o/r/commit/abc|a¦b &lt;c&gt;>");
  });
});

describe("messages", () => {
  it("say where the default branch turned red and which jobs, with log text escaped, a private report never linked", () => {
    const facts = {
      repo: "octo/widgets",
      branch: "main",
      sha: "a".repeat(40),
      commitUrl: "https://github.com/octo/widgets/commit/aaa",
      reportUrl: null,
      jobs: [{ name: "unit <tests>", line: "AssertionError: <!channel> expected 1 to be 2" }],
    };
    const m = defaultBranchRedMessage(facts);
    expect(m.text).toBe("octo/widgets: main turned red at aaaaaaa: 1 genuine failure");
    const body = m.blocks[0]!.text.text;
    expect(body).toContain("*unit &lt;tests&gt;*");
    expect(body).toContain("`AssertionError: expected 1 to be 2`");
    expect(body).not.toContain("<!channel>");
    expect(body).not.toContain("token=");
    expect(defaultBranchRedMessage({ ...facts, reportUrl: "https://sift.example/r/octo/widgets/commit/aaa" }).blocks[0]!.text.text).toContain("|Sift's report>");
  });

  it("describe an outage and a new cause", () => {
    const since = new Date("2026-11-20T10:05:00Z");
    expect(outageMessage({ account: "octo", cause: "net.connection-reset", count: 14, expected: 0.4, windowMinutes: 15, since }).text).toBe(
      "Sift: outage of net.connection-reset across octo",
    );
    const m = newCauseMessage({ repo: "octo/widgets", line: "Error: @here cannot find module 'x'", jobs: 4, pullRequests: 3, firstSeen: since, reportUrl: null });
    expect(m.blocks[0]!.text.text).toContain("on 4 jobs of 3 pull requests since 2026-11-20");
    expect(m.blocks[0]!.text.text).toContain("`Error: here cannot find module 'x'`");
  });
});
