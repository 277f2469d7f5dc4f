// How a job and its failure are named in markdown. Names come from workflow files a pull request can
// change, so they are escaped like log text.
import type { AttemptInfo, ClassifiedFailure, JobReport } from "../model/index.js";
import { code, inline, link } from "./markdown.js";

export function jobLink(job: JobReport): string {
  const name = job.job.workflowName ? `${job.job.workflowName} / ${job.job.name}` : job.job.name;
  return link(inline(name, 200), job.job.htmlUrl);
}

/** "pattern `npm-registry-5xx`: npm registry returned 503" or the reason Sift fell back to genuine. */
export function cause(failure: ClassifiedFailure): string {
  const reason = inline(failure.reason, 300);
  return failure.patternId ? `${reason} (pattern ${code(failure.patternId, 80)})` : reason;
}

/** The log lines that matter: those holding the matched text, else the end of the excerpt. */
export function keyLines(failure: ClassifiedFailure, max = 8): string | null {
  if (!failure.excerpt) return failure.matchedText ? clipLines(failure.matchedText, max) : null;
  const lines = failure.excerpt.split(/\r?\n/);
  const needle = failure.matchedText?.split(/\r?\n/).find((l) => l.trim() !== "")?.trim();
  if (needle) {
    const at = lines.findIndex((l) => l.includes(needle));
    if (at >= 0) {
      const count = Math.max(1, failure.matchedText!.split(/\r?\n/).length);
      return clipLines(lines.slice(at, at + Math.min(count, max)).join("\n"), max);
    }
  }
  const nonEmpty = lines.filter((l) => l.trim() !== "");
  return clipLines(nonEmpty.slice(-max).join("\n"), max);
}

export function clipLines(text: string, maxLines: number, maxLineLength = 400): string {
  return text
    .split(/\r?\n/)
    .slice(0, maxLines)
    .map((l) => (l.length > maxLineLength ? `${l.slice(0, maxLineLength - 1)}…` : l))
    .join("\n");
}

export function attemptsText(attempts: AttemptInfo[]): string {
  return attempts.map((a) => link(`attempt ${a.attempt}`, a.htmlUrl) + ` ${inline(a.conclusion ?? "running", 30)}`).join(", ");
}
