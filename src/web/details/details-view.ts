// The details page as HTML: each failed job with its class, cause, excerpt, attempts and history.
import type { VerdictClass } from "../../model/index.js";
import type { DetailsData, DetailsJob } from "../details-data.js";
import { highlightExcerpt } from "./highlight.js";
import { Html, html, safeHref } from "../html.js";
import { reportIssueUrl } from "./issue-link.js";
import type { Views } from "../views.js";

export interface PageContext {
  githubWebUrl: string;
  /** This page's own URL (with its token), for the JSON link and issue bodies. */
  pageUrl: string;
  /** The repository's history page (with its token for private repositories). */
  historyUrl: string;
  now: Date;
}

const CLASS_TEXT: Record<VerdictClass, string> = { genuine: "to fix", "known-problem": "known problem", flaky: "flaky" };

export function renderDetailsPage(views: Views, data: DetailsData, page: PageContext): string {
  const repoUrl = `${page.githubWebUrl}/${encodeURIComponent(data.repo.owner)}/${encodeURIComponent(data.repo.name)}`;
  const count = (c: VerdictClass) => data.jobs.filter((j) => j.verdict === c).length;
  const counts = `${count("genuine")} to fix · ${count("known-problem")} known problem${count("known-problem") === 1 ? "" : "s"} · ${count("flaky")} flaky`;
  const conclusion = data.conclusion ?? (data.status === "in_progress" ? "in progress" : "pending");
  const body = views.render("details", {
    repoUrl,
    repoName: `${data.repo.owner}/${data.repo.name}`,
    historyUrl: page.historyUrl,
    commitUrl: `${repoUrl}/commit/${data.sha}`,
    shortSha: data.sha.slice(0, 10),
    conclusionClass: conclusion.replace(/[^a-z]/g, "-"),
    conclusionText: conclusion,
    headline: data.title ?? "Failed jobs",
    counts,
    jsonUrl: `${page.pageUrl}${page.pageUrl.includes("?") ? "&" : "?"}format=json`,
    jobs: data.jobs.length > 0 ? data.jobs.map((j, i) => jobSection(views, data, j, i, page)) : html`<p class="empty">No failed jobs were analysed for this commit.</p>`,
  });
  return views.render("layout", {
    title: `Sift · ${data.repo.owner}/${data.repo.name} @ ${data.sha.slice(0, 7)}`,
    css: new Html(views.css),
    body,
    footer: `Rendered ${page.now.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
  }).value;
}

function jobSection(views: Views, data: DetailsData, job: DetailsJob, index: number, page: PageContext): Html {
  const facts: Html[] = [];
  if (job.patternId) facts.push(html`<dt>Pattern</dt><dd><code>${job.patternId}</code>${job.category ? ` (${job.category})` : ""}</dd>`);
  if (job.knownProblem) facts.push(html`<dt>Known problem</dt><dd>${linkOrText(job.knownProblem)}</dd>`);
  if (job.line) facts.push(html`<dt>Log line</dt><dd>${job.line}</dd>`);
  if (job.tests.length > 0) facts.push(html`<dt>Failing tests</dt><dd>${testList(job.tests)}</dd>`);
  if (job.evidence.length > 0) facts.push(html`<dt>Evidence</dt><dd>${evidenceList(job.evidence)}</dd>`);
  facts.push(html`<dt>Confidence</dt><dd>${job.confidence}</dd>`);
  const logUrl = job.provider === "actions" ? `${page.githubWebUrl}/${encodeURIComponent(data.repo.owner)}/${encodeURIComponent(data.repo.name)}/commit/${data.sha}/checks/${encodeURIComponent(job.externalId)}/logs` : job.logUrl;
  const links = [
    link("View the job", job.htmlUrl),
    link("Raw log", logUrl),
    link("Report as issue", reportIssueUrl(page.githubWebUrl, data.repo, data.sha, job, page.pageUrl)),
  ];
  return views.render("job", {
    classKey: job.verdict,
    classText: CLASS_TEXT[job.verdict],
    anchor: String(index + 1),
    name: job.workflowName ? `${job.workflowName} / ${job.name}` : job.name,
    reason: job.reason,
    facts,
    excerpt: job.excerpt ? highlightExcerpt(job.excerpt, job.matchedText) : html`<p class="empty">No log excerpt.</p>`,
    attempts: attemptsList(job),
    history: historyText(job),
    links,
  });
}

function attemptsList(job: DetailsJob): Html {
  const items = [
    ...job.attempts.map((a) => html`<li>${link(`Attempt ${a.attempt}`, a.htmlUrl)}: ${a.conclusion ?? "running"}</li>`),
    ...job.retries.map(
      (r) =>
        html`<li>Re-run ${r.status}${r.trigger === "command" && r.requestedBy ? ` by ${r.requestedBy}` : r.trigger === "auto" ? " automatically" : ""}${r.attempt ? ` after attempt ${r.attempt}` : ""}${r.outcome ? `, then ${r.outcome}` : ""}${r.reason ? ` (${r.reason})` : ""}</li>`,
    ),
  ];
  return html`<ul class="plain">${items}</ul>`;
}

function historyText(job: DetailsJob): Html {
  if (!job.history) return html`<p class="empty">No pattern or signature to compare with.</p>`;
  const { count, jobs } = job.history;
  const names = jobs.slice(0, 10).map((j, i) => html`${i > 0 ? ", " : ""}${j.name} (${j.count})`);
  const more = jobs.length > 10 ? ` and ${jobs.length - 10} more jobs` : "";
  return html`<p>${count} time${count === 1 ? "" : "s"} in this repository, on ${names}${more}.</p>`;
}

const MAX_TESTS = 50;

function testList(tests: DetailsJob["tests"]): Html {
  const items = tests.slice(0, MAX_TESTS).map((t) => html`<li><code>${t.id}</code>${t.file && !t.id.includes(t.file) ? html` (${t.file})` : ""}</li>`);
  const more = tests.length > MAX_TESTS ? html`<li>… and ${tests.length - MAX_TESTS} more</li>` : html``;
  return html`<ul class="plain">${items}${more}</ul>`;
}

function evidenceList(evidence: DetailsJob["evidence"]): Html {
  const items = evidence.map((e) => {
    const links = e.links.map((l, i) => html`${i > 0 ? ", " : ""}${safeHref(l.url) ? link(l.label, l.url) : l.label}`);
    return html`<li>${e.text}${e.links.length > 0 ? html` (${links})` : ""}</li>`;
  });
  return html`<ul class="plain">${items}</ul>`;
}

function link(text: string, url: string | null): Html {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html``;
}

/** A known problem is often an issue URL; link it only when it is one. */
function linkOrText(text: string): Html {
  return safeHref(text) && !text.startsWith("/") ? link(text, text) : html`${text}`;
}
