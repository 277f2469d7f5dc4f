// PURE: the problems of a changed `.github/sift.yml` → the `Sift config` check run's output, with
// one annotation per problem on its line. Problem messages quote the file (attacker-controlled):
// the summary escapes them, annotations are plain text.
import type { ConfigProblem } from "../config/index.js";
import { code, inline } from "../report/markdown.js";

export const CONFIG_CHECK_NAME = "Sift config";
/** At most this many problems are annotated and listed; the summary says how many more there were. */
export const MAX_CONFIG_ANNOTATIONS = 200;
const MAX_LISTED = 100;

export interface ConfigAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure";
  title: string;
  message: string;
}

export interface RenderedConfigCheck {
  conclusion: "success" | "neutral" | "failure";
  title: string;
  summary: string;
  annotations: ConfigAnnotation[];
}

/** A valid file's backtest (render-backtest-section.ts): its conclusion, title and markdown join the check's. */
export interface BacktestPart {
  conclusion: "success" | "neutral";
  title: string;
  markdown: string;
}

export function renderConfigCheck(path: string, problems: readonly ConfigProblem[], notes: readonly string[] = [], backtest?: BacktestPart): RenderedConfigCheck {
  const extra = notes.map((n) => `\n\n${inline(n, 500)}`).join("");
  if (problems.length === 0) {
    const summary = `Every pattern and setting of ${code(path)} is valid.${extra}${backtest ? `\n\n${backtest.markdown}` : ""}`;
    const title = backtest ? `${path} is valid; ${backtest.title}` : `${path} is valid`;
    return { conclusion: backtest?.conclusion ?? "success", title, summary, annotations: [] };
  }
  const title = `${path}: ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  const listed = problems.slice(0, MAX_LISTED).map((p) => `- ${p.line ? `line ${p.line}` : "file"}${p.path ? ` ${code(p.path)}` : ""}: ${inline(p.message, 400)}`);
  const more = problems.length > MAX_LISTED ? [`- …and ${problems.length - MAX_LISTED} more`] : [];
  const summary = [`${code(path)} cannot be used as it is; fix these problems before merging:`, "", ...listed, ...more].join("\n") + extra;
  return { conclusion: "failure", title, summary, annotations: problems.slice(0, MAX_CONFIG_ANNOTATIONS).map((p) => annotation(path, p)) };
}

function annotation(path: string, p: ConfigProblem): ConfigAnnotation {
  const line = p.line ?? 1;
  return {
    path,
    start_line: line,
    end_line: line,
    ...(p.column ? { start_column: p.column, end_column: p.column } : {}),
    annotation_level: "failure",
    title: p.path ? `sift.yml: ${p.path}`.slice(0, 255) : "sift.yml",
    message: p.message.slice(0, 2000),
  };
}
