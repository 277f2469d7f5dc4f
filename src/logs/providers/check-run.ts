// Check runs of other CI apps: their own output (title, summary, text) and annotations are the log.
// Annotations come last, one per line, so patterns and the tail cap treat them like log lines.
import { readLogText } from "../read-log-text.js";
import { DEFAULT_MAX_LOG_BYTES, fetchFailure, type LogFetchResult } from "../fetch-result.js";
import { messageOf, statusOf, type GitHub } from "./github.js";

export interface CheckRunOutput {
  title?: string | null;
  summary?: string | null;
  text?: string | null;
}

export interface CheckRunRef {
  owner: string;
  repo: string;
  checkRunId: number;
  /** The webhook's output, when at hand; saves a request. */
  output?: CheckRunOutput;
}

interface Annotation {
  path: string;
  start_line: number;
  annotation_level: string | null;
  title: string | null;
  message: string | null;
  raw_details: string | null;
}

export async function fetchCheckRunLog(octokit: GitHub, ref: CheckRunRef, options: { maxBytes?: number } = {}): Promise<LogFetchResult> {
  const { maxBytes = DEFAULT_MAX_LOG_BYTES } = options;
  const params = { owner: ref.owner, repo: ref.repo, check_run_id: ref.checkRunId };
  const url = `https://api.github.com/repos/${ref.owner}/${ref.repo}/check-runs/${ref.checkRunId}`;
  let output: CheckRunOutput;
  let annotations: Annotation[];
  try {
    output = ref.output ?? (await octokit.rest.checks.get(params)).data.output;
    annotations = await octokit.paginate(octokit.rest.checks.listAnnotations, { ...params, per_page: 100 });
  } catch (error) {
    const status = statusOf(error);
    const transient = status === undefined || status >= 500 || status === 429;
    return fetchFailure(`check run output could not be read (${status ?? "network error"}): ${messageOf(error)}`, transient);
  }
  const result = await readLogText([Buffer.from(renderCheckRunLog(output, annotations), "utf8")], maxBytes, { provider: "check-run", url });
  if (result.text.trim() === "") return fetchFailure("check run has no output and no annotations", false);
  return result;
}

export function renderCheckRunLog(output: CheckRunOutput, annotations: Annotation[]): string {
  const parts = [output.title, output.summary, output.text].filter((p): p is string => typeof p === "string" && p !== "");
  for (const a of annotations) {
    const head = [`${a.path}:${a.start_line}`, a.annotation_level, a.title].filter(Boolean).join(": ");
    parts.push(`${head}: ${a.message ?? ""}`);
    if (a.raw_details) parts.push(a.raw_details);
  }
  return parts.join("\n");
}
