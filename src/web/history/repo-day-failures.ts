// The failed jobs of one repository on one UTC day (`/r/OWNER/REPO?day=YYYY-MM-DD`, where an org
// grid cell leads): each with its verdict, cause and matched line, newest first.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { FAILED_CONCLUSIONS } from "../../model/index.js";
import { formatTime } from "../format.js";
import { html, type Html } from "../html.js";

const DAY = 24 * 3600 * 1000;
const MAX_JOBS = 200;

export interface DayFailure {
  name: string;
  headSha: string;
  completedAt: Date;
  verdict: string | null;
  cause: string | null;
  text: string | null;
}

/** A YYYY-MM-DD that names a real day, as a UTC midnight; null otherwise. */
export function parseDay(day: string | null): Date | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day ? null : at;
}

export async function loadDayFailures(prisma: PrismaClient, repositoryId: bigint, day: Date): Promise<DayFailure[]> {
  const jobs = await prisma.job.findMany({
    where: { repositoryId, conclusion: { in: [...FAILED_CONCLUSIONS] }, completedAt: { gte: day, lt: new Date(day.getTime() + DAY) } },
    select: { name: true, headSha: true, completedAt: true, classification: { select: { verdict: true, patternId: true, signature: true, matchedText: true, excerpt: true } } },
    orderBy: { completedAt: "desc" },
    take: MAX_JOBS,
  });
  return jobs.map((j) => {
    const c = j.classification;
    return {
      name: j.name,
      headSha: j.headSha,
      completedAt: j.completedAt!,
      verdict: c?.verdict ?? null,
      cause: c ? (c.verdict === "genuine" ? (c.signature ?? c.patternId) : (c.patternId ?? c.signature)) : null,
      text: c?.matchedText ?? c?.excerpt ?? null,
    };
  });
}

const WORDS: Record<string, string> = { genuine: "to fix", known_problem: "known problem", flaky: "flaky" };
const BADGE: Record<string, string> = { genuine: "genuine", known_problem: "known-problem", flaky: "flaky" };

export function renderDayFailures(day: string, jobs: DayFailure[], commitHref: (sha: string) => string): Html {
  const items = jobs.map(
    (j) =>
      html`<li><span class="badge badge-${j.verdict ? BADGE[j.verdict] : "failure"}">${j.verdict ? WORDS[j.verdict] : "not yet classified"}</span> <strong>${j.name}</strong> <span class="note">${formatTime(j.completedAt)}</span> <a href="${commitHref(j.headSha)}"><code>${j.headSha.slice(0, 10)}</code></a>${j.cause ? html` <code>${j.cause}</code>` : ""}${j.text ? html`<pre>${j.text}</pre>` : ""}</li>`,
  );
  return html`<section class="panel" id="day"><h2>Failed jobs on ${day} (UTC)</h2>${jobs.length ? html`<ul class="day-failures">${items}</ul>${jobs.length === MAX_JOBS ? html`<p class="note">The latest ${MAX_JOBS} are shown.</p>` : ""}` : html`<p class="empty">No job failed on ${day}.</p>`}</section>`;
}
