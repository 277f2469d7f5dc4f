// The adapter that writes the `Sift` check run: created once per SHA, then updated in place.
// Annotations go 50 per request (GitHub's limit); each later batch resends title and summary,
// which GitHub requires with every output.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import { CHECK_RUN_NAME, type AnalysisReport, type CheckRunRecord } from "../model/index.js";
import { renderCheckRun, type RenderedCheckRun } from "./render-check-run.js";
import { annotationKey, contentHash, formatOutputHash, parseOutputHash } from "./output-hash.js";
import type { Annotation } from "./annotations.js";

export type Octokit = ProbotOctokit;

export const ANNOTATIONS_PER_REQUEST = 50;

/** The stored record of this SHA's check run (or the run found on GitHub after a crash). */
export type PreviousCheckRun = Pick<CheckRunRecord, "checkRunId" | "outputHash">;

/** The analysis context (model/stages.ts) satisfies this. */
export interface WriteDeps {
  log?: Pick<Logger, "debug">;
}

/** What the caller stores in the CheckRun table and hands back as `previous` next time. */
export interface WrittenCheckRun extends CheckRunRecord {
  checkRunId: string;
  /** false when nothing changed since the last write and no request was made. */
  written: boolean;
  outputHash: string;
}

export async function writeReport(octokit: Octokit, report: AnalysisReport, previous: PreviousCheckRun | null, deps: WriteDeps = {}): Promise<WrittenCheckRun> {
  const rendered = renderCheckRun(report);
  const previousId = previous?.checkRunId ?? null;
  const known = previousId ? parseOutputHash(previous?.outputHash) : null;
  const content = contentHash({ ...rendered, annotations: rendered.annotations.map(annotationKey), detailsUrl: report.detailsUrl });
  const sent = known?.annotationKeys ?? new Set<string>();
  const fresh = rendered.annotations.filter((a) => !sent.has(annotationKey(a)));
  const result = (checkRunId: string, written: boolean): WrittenCheckRun => ({
    checkRunId,
    written,
    status: rendered.status,
    conclusion: rendered.conclusion ?? null,
    title: rendered.title,
    outputHash: formatOutputHash({ content, annotationKeys: new Set([...sent, ...fresh.map(annotationKey)]) }),
  });
  if (previousId && known?.content === content) {
    deps.log?.debug({ sha: report.sha, checkRunId: previousId }, "check run unchanged: no update");
    return result(previousId, false);
  }
  const [first = [], ...later] = batches(fresh);
  const owner = report.repo.owner;
  const repo = report.repo.name;
  let checkRunId = previousId;
  if (checkRunId === null) {
    const created = await octokit.rest.checks.create({ owner, repo, head_sha: report.sha, name: CHECK_RUN_NAME, ...body(rendered, report, first) });
    checkRunId = String(created.data.id);
  } else {
    await octokit.rest.checks.update({ owner, repo, check_run_id: Number(checkRunId), ...body(rendered, report, first) });
  }
  for (const batch of later) {
    await octokit.rest.checks.update({ owner, repo, check_run_id: Number(checkRunId), output: output(rendered, batch) });
  }
  return result(checkRunId, true);
}

function body(rendered: RenderedCheckRun, report: AnalysisReport, annotations: Annotation[]) {
  return {
    details_url: report.detailsUrl,
    status: rendered.status,
    ...(rendered.conclusion ? { conclusion: rendered.conclusion } : {}),
    output: output(rendered, annotations),
  };
}

function output(rendered: RenderedCheckRun, annotations: Annotation[]) {
  return {
    title: rendered.title,
    summary: rendered.summary,
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(annotations.length > 0 ? { annotations } : {}),
  };
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ANNOTATIONS_PER_REQUEST) out.push(items.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return out;
}
