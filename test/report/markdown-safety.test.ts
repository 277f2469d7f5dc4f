// Log text is attacker-controlled: these lines must come out as inert text in the check run.
import { describe, expect, it } from "vitest";
import { renderCheckRun } from "../../src/report/index.js";
import { fenced, inline, safeUrl } from "../../src/report/markdown.js";
import { failure, jobReport, report } from "./report-fixtures.js";

const hostile = [
  "```",
  "</code></pre><script>alert(1)</script>",
  "cc @someone and @org/team please look",
  "[click me](javascript:alert(1))",
  "![pixel](https://evil.example/track.png)",
  "fixes #123 and GH-45, see https://evil.example/x and www.evil.example",
  "<img src=x onerror=alert(1)>",
].join("\n");

/** Text outside fenced blocks, where markdown is live. */
function liveMarkdown(md: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split("\n")) {
    const m = /^(`{3,})/.exec(line);
    if (fence === null && m) fence = m[1]!;
    else if (fence !== null && line.trim() === fence) fence = null;
    else if (fence === null) out.push(line);
  }
  expect(fence, "every fence is closed").toBeNull();
  return out.join("\n");
}

describe("untrusted log text in the check run", () => {
  const job = jobReport("genuine", { failure: failure({ excerpt: hostile, matchedText: null, reason: hostile, step: "build ``` @step-owner" }) }, "test @mallory <b>x</b>");
  const out = renderCheckRun(report([job]));

  it("keeps the excerpt inside one fence longer than any backtick run", () => {
    expect(out.summary).toContain("````text\n```\n");
    const live = liveMarkdown(out.summary);
    expect(live).not.toContain("alert(1)</script>");
    expect(liveMarkdown(out.text!)).not.toContain("<script>");
  });

  it("leaves no live HTML, link, image or mention outside fences", () => {
    for (const md of [out.summary, out.text!]) {
      const live = liveMarkdown(md);
      expect(live).not.toMatch(/<(script|img|b)\b/i);
      expect(live).not.toMatch(/\]\(javascript:/i);
      expect(live).not.toMatch(/!\[/);
      expect(live).not.toMatch(/@(someone|org|mallory|step-owner)/);
      expect(live).not.toMatch(/#123|GH-45|https:\/\/evil|www\.evil/);
    }
  });

  it("still reads as the original words", () => {
    expect(inline("cc @someone").replace(/\u200D/g, "")).toBe("cc @someone");
    expect(inline("a_b*c [x](y)")).toBe("a\\_b\\*c \\[x\\]\\(y\\)");
  });

  it("keeps fenced text verbatim, with a fence the text cannot close", () => {
    // Inside a fence nothing pings or links, so the log line is shown exactly.
    expect(fenced("@someone")).toContain("@someone");
    expect(fenced("a\n````\nb")).toMatch(/^`````text\n/);
  });

  it("links only http(s) URLs, with the link syntax characters encoded", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("data:text/html,x")).toBeNull();
    expect(safeUrl("https://github.com/o/r/issues/1) ![x](y")).toBe("https://github.com/o/r/issues/1%29%20!%5Bx%5D%28y");
  });

  it("does not turn attempt numbers into issue links", () => {
    const flaky = jobReport("flaky", { attempts: [{ attempt: 2, conclusion: "failure", htmlUrl: null }] });
    expect(renderCheckRun(report([flaky])).summary).not.toMatch(/#2\b/);
  });
});
