// The details page rendered from plain data: escaping and the "report as issue" link, no database.
import { describe, expect, it } from "vitest";
import type { DetailsData, DetailsJob } from "../../src/web/details-data.js";
import { renderDetailsPage } from "../../src/web/details/details-view.js";
import { reportIssueUrl } from "../../src/web/details/issue-link.js";
import { loadViews } from "../../src/web/views.js";
import { html } from "../../src/web/html.js";

const job = (overrides: Partial<DetailsJob> = {}): DetailsJob => ({
  provider: "status",
  externalId: "ci/jenkins",
  name: 'build <img src=x onerror="alert(1)">',
  workflowName: null,
  htmlUrl: "javascript:alert(1)",
  logUrl: "https://jenkins.example/job/1/console",
  verdict: "genuine",
  patternId: null,
  category: null,
  reason: "no known pattern matched",
  knownProblem: "javascript:alert(2)",
  line: 3,
  excerpt: "a\n</code></pre><script>alert(3)</script>\nb",
  matchedText: "<script>alert(3)</script>",
  attempts: [],
  retries: [],
  history: null,
  tests: [],
  confidence: "low",
  evidence: [],
  ...overrides,
});
const data = (jobs: DetailsJob[]): DetailsData => ({
  repo: { id: 1n, owner: "octo", name: "widgets", private: false },
  sha: "a".repeat(40),
  status: "completed",
  conclusion: "failure",
  title: "1 to fix",
  jobs,
});
const page = { githubWebUrl: "https://github.com", pageUrl: `https://sift.example/r/octo/widgets/commit/${"a".repeat(40)}`, historyUrl: "https://sift.example/r/octo/widgets", now: new Date("2026-11-20T12:00:00Z") };

describe("details page HTML", () => {
  const out = renderDetailsPage(loadViews(), data([job()]), page);

  it("escapes job names and log text, and marks the match", () => {
    expect(out).not.toMatch(/<script>|<img /);
    expect(out).toContain("build &#60;img src=x onerror=&#34;alert(1)&#34;&#62;");
    expect(out).toContain("<mark>&#60;script&#62;alert(3)&#60;/script&#62;</mark>");
  });

  it("links only http(s) URLs", () => {
    expect(out).not.toMatch(/href="(?!https?:)/);
    expect(out).toContain("<dd>javascript:alert(2)</dd>"); // shown as text, not as a link
    expect(out).toContain('href="https://jenkins.example/job/1/console"');
  });

  it("has a viewport and inlines exactly the stylesheet the CSP hash allows", () => {
    const views = loadViews();
    expect(out).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(out).toContain(`<style>${views.css}</style>`);
  });

  it("the html helper escapes values and keeps nested markup", () => {
    expect(html`<p>${"<b>&"}</p>${[html`<i>${"'"}</i>`]}`.value).toBe("<p>&#60;b&#62;&#38;</p><i>&#39;</i>");
  });
});

describe("report as issue", () => {
  it("prefills title and body, the excerpt in a fence the log cannot close", () => {
    const url = new URL(reportIssueUrl("https://github.com", { owner: "octo", name: "widgets" }, "a".repeat(40), job({ excerpt: "x\n```\n@someone" }), page.pageUrl));
    expect(url.pathname).toBe("/octo/widgets/issues/new");
    expect(url.searchParams.get("title")).toBe('CI failure in build <img src=x onerror="alert(1)">: no known pattern matched');
    const body = url.searchParams.get("body")!;
    expect(body).toContain("````text\nx\n```\n@someone\n````");
    expect(body).toContain(`Sift: ${page.pageUrl}`);
  });

  it("stays short enough for a URL whatever the excerpt", () => {
    const huge = Array.from({ length: 500 }, (_, i) => `line ${i} ${"€".repeat(200)}`).join("\n");
    const url = reportIssueUrl("https://github.com", { owner: "octo", name: "widgets" }, "a".repeat(40), job({ excerpt: huge }), page.pageUrl);
    expect(url.length).toBeLessThanOrEqual(7_000);
    expect(new URL(url).searchParams.get("body")).toContain("```text\nline 0");
  });
});
