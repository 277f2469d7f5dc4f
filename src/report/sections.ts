// The summary's sections, most actionable first: what to fix, what is known, what was flaky.
import type { AnalysisReport, ConfigProblem, JobReport, KnownProblem } from "../model/index.js";
import { heading, item, type Block } from "./fit-blocks.js";
import { evidenceLines, testsLine } from "./evidence-lines.js";
import { attemptsText, cause, jobLink, keyLines } from "./job-line.js";
import { code, fenced, inline, link } from "./markdown.js";
import { tally } from "./title.js";

export function summaryBlocks(report: AnalysisReport): Block[] {
  const { genuine, known, flaky } = tally(report);
  const blocks: Block[] = [heading(`**${link("Open the details page", report.detailsUrl)}**: excerpts with context, attempts and history.`)];
  if (report.pendingJobs > 0) blocks.push(heading(`⏳ ${report.pendingJobs} job${report.pendingJobs === 1 ? " is" : "s are"} still running; this report will update.`));
  for (const note of report.notes) blocks.push(heading(`> ${inline(note, 500)}`));
  if (report.configProblems.length > 0) {
    blocks.push(heading("### ⚠️ Configuration problems"), ...report.configProblems.map((p) => item(configLine(p))));
  }
  if (genuine.length > 0) blocks.push(heading(`### ❌ To fix (${genuine.length})`), ...genuine.map((j) => item(genuineBlock(j))));
  if (known.length > 0) blocks.push(heading(`### 🔁 Known problems (${known.length})`), ...known.map((j) => item(knownLine(j))));
  if (flaky.length > 0) blocks.push(heading(`### 🎲 Flaky (${flaky.length})`), ...flaky.map((j) => item(flakyLine(j))));
  if (report.jobs.length === 0 && report.pendingJobs === 0) blocks.push(heading("No failed jobs on this commit."));
  return blocks;
}

function genuineBlock(job: JobReport): string {
  const f = job.failure;
  const step = f.step ? ` at step ${code(f.step, 120)}` : "";
  const lines = [`**${jobLink(job)}** failed${step}: ${cause(f)}`];
  const key = keyLines(f);
  lines.push(key ? fenced(key) : "_No log excerpt._");
  const tests = testsLine(job);
  if (tests) lines.push(tests);
  lines.push(...evidenceLines(job));
  lines.push(...notes(job));
  return lines.join("\n");
}

function knownLine(job: JobReport): string {
  const head = `- **${jobLink(job)}**: ${job.knownProblem ? knownText(job.knownProblem) : "known problem"}`;
  return [head, `  Cause: ${cause(job.failure)}`, ...notes(job).map((n) => `  ${n}`)].join("\n");
}

export function knownText(k: KnownProblem): string {
  let text = inline(k.description, 300);
  if (k.url) text += ` (${link(k.source === "trunk" ? "first failure" : "issue", k.url)})`;
  if (k.declaredBy) text += `, declared by ${inline(`@${k.declaredBy}`, 60)}`;
  if (k.since) text += `, also failing on the base branch since ${code(k.since.sha.slice(0, 10))}`;
  return text;
}

function flakyLine(job: JobReport): string {
  const retry = job.retry ? ` · ${retryWords(job.retry.state)}${job.retry.reason ? ` (${inline(job.retry.reason, 200)})` : ""}` : "";
  const attempts = job.attempts.length > 0 ? ` · ${attemptsText(job.attempts)}` : "";
  const tests = testsLine(job);
  return [
    `- **${jobLink(job)}**: ${cause(job.failure)}${retry}${attempts}`,
    ...(tests ? [`  ${tests}`] : []),
    ...evidenceLines(job).map((l) => `  ${l}`),
    ...notes(job).map((n) => `  ${n}`),
  ].join("\n");
}

function retryWords(state: NonNullable<JobReport["retry"]>["state"]): string {
  const words: Record<typeof state, string> = {
    requested: "re-running",
    waiting: "will re-run",
    held: "re-run held",
    paused: "retries paused",
    exhausted: "no more re-runs",
    excluded: "not re-run",
    "not-retryable": "cannot be re-run",
  };
  return words[state];
}

function configLine(p: ConfigProblem): string {
  return `- ${code(p.file, 100)} ${code(p.path, 100)}: ${inline(p.message, 400)}`;
}

function notes(job: JobReport): string[] {
  return job.failure.notes.map((n) => `_${inline(n, 300)}_`);
}
