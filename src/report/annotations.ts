// Annotations for genuine failures: the file and line a compiler, linter or test runner blamed,
// when that file belongs to the repository. Flaky and known problems are not the author's to fix.
import type { AnalysisReport, JobReport } from "../model/index.js";
import { cleanLine, findFileRefs, type FileRef } from "./file-refs.js";
import { clip, neutralise } from "./markdown.js";
import { repoPath } from "./repo-path.js";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure";
  title: string;
  message: string;
}

/** Each batch of 50 costs a request (paced about 1 s apart by throttling): keep it to a few. */
export const MAX_ANNOTATIONS = 200;
const MAX_PER_JOB = 50;

export function extractAnnotations(report: AnalysisReport): Annotation[] {
  const seen = new Set<string>();
  const out: Annotation[] = [];
  for (const job of report.jobs) {
    if (job.finalClass !== "genuine" || !job.failure.excerpt) continue;
    let count = 0;
    for (const a of jobAnnotations(job, report.repo)) {
      const key = `${a.path}:${a.start_line}`;
      if (seen.has(key) || count >= MAX_PER_JOB || out.length >= MAX_ANNOTATIONS) continue;
      seen.add(key);
      out.push(a);
      count++;
    }
  }
  return out;
}

function jobAnnotations(job: JobReport, repo: AnalysisReport["repo"]): Annotation[] {
  const excerpt = job.failure.excerpt!;
  const refs = findFileRefs(excerpt);
  const lines = excerpt.split(/\r?\n/);
  const out: Annotation[] = [];
  for (const ref of refs) {
    const path = resolvePath(ref, excerpt, repo);
    if (!path) continue;
    out.push({
      path,
      start_line: ref.line,
      end_line: ref.line,
      annotation_level: "failure",
      title: clip(job.job.name, 200),
      message: clip(neutralise(messageFor(ref, lines)), 1000),
    });
  }
  return out;
}

/** Go prints test failures relative to the package folder; the `FAIL <import path>` line names it. */
function resolvePath(ref: FileRef, excerpt: string, repo: AnalysisReport["repo"]): string | null {
  if (!ref.path.endsWith(".go") || /[/\\]/.test(ref.path)) return repoPath(ref.path);
  const module = `github.com/${repo.owner}/${repo.name}`.toLowerCase();
  const pkg = excerpt
    .split(/\r?\n/)
    .map((l) => /^(?:FAIL|ok)[ \t]+(\S+)/.exec(cleanLine(l))?.[1])
    .find((p) => p?.includes("/"));
  if (!pkg || !(pkg.toLowerCase() === module || pkg.toLowerCase().startsWith(`${module}/`))) return null;
  const dir = pkg.slice(module.length + 1);
  return repoPath(dir ? `${dir}/${ref.path}` : ref.path);
}

/** A bare location (`--> src/x.rs:4:5`, a stack frame) takes the error line above it as its message. */
function messageFor(ref: FileRef, lines: string[]): string {
  if (!ref.locationOnly) return ref.text;
  const at = lines.findIndex((l) => l.includes(ref.text));
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i]!.trim();
    if (/error|fail|assert|panic|exception|expected/i.test(l)) return `${l}\n${ref.text}`;
  }
  return ref.text;
}
