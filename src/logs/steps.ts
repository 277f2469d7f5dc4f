// Splits a log into steps and finds the one that failed. The jobs API's step list wins when it
// names a failed step that can be found in the log; otherwise the log's own markers decide.
import type { ApiStep, LogStep, StepMarker } from "./types.js";

export interface StepSplit {
  steps: LogStep[];
  failingStep?: LogStep;
  failingStepReason: string;
}

const GITLAB_POST = /^(?:after_script|cleanup\w*|upload_artifacts\w*|archive_cache\w*)$/;

function githubSteps(markers: StepMarker[], lineCount: number): LogStep[] {
  const opens = markers.filter((m) => m.kind === "run" || m.kind === "post" || m.kind === "complete");
  if (opens.length === 0) return [];
  const steps: LogStep[] = [];
  const first = opens[0] as StepMarker;
  if (first.line > 1) steps.push({ name: "Set up job", startLine: 1, endLine: first.line - 1, post: false });
  opens.forEach((m, i) => {
    const next = opens[i + 1];
    steps.push({
      name: m.name,
      startLine: m.line,
      endLine: next ? next.line - 1 : lineCount,
      post: m.kind !== "run",
      ...(m.at ? { startedAt: m.at } : {}),
    });
  });
  return steps;
}

function gitlabSteps(markers: StepMarker[]): LogStep[] {
  const steps: LogStep[] = [];
  let open: { name: string; line: number } | undefined;
  let depth = 0;
  for (const m of markers) {
    if (m.kind === "section-start") {
      if (depth === 0) open = { name: m.name, line: m.line };
      depth++;
    } else if (m.kind === "section-end" && depth > 0) {
      depth--;
      if (depth === 0 && open) {
        steps.push({ name: open.name, startLine: open.line, endLine: m.line, post: GITLAB_POST.test(open.name) });
        open = undefined;
      }
    }
  }
  return steps;
}

const contains = (s: LogStep, line: number) => line >= s.startLine && line <= s.endLine;

function failingFromLog(steps: LogStep[], markers: StepMarker[], gitlab: boolean): Omit<StepSplit, "steps"> {
  const live = steps.filter((s) => !s.post);
  if (gitlab) {
    const script = live.find((s) => s.name === "step_script") ?? live[live.length - 1];
    return script
      ? { failingStep: script, failingStepReason: `GitLab section ${script.name}` }
      : { failingStepReason: "no GitLab section before cleanup" };
  }
  for (const kind of ["exit-code", "error"] as const) {
    const lines = markers.filter((m) => m.kind === kind).map((m) => m.line);
    for (let i = lines.length - 1; i >= 0; i--) {
      const step = live.find((s) => contains(s, lines[i] as number));
      if (step) {
        const why = kind === "exit-code" ? "it ends with ##[error]Process completed with exit code N" : "it holds the last ##[error] line";
        return { failingStep: step, failingStepReason: `step "${step.name}": ${why}` };
      }
    }
  }
  const last = live[live.length - 1];
  if (last && live.length > 1) {
    return { failingStep: last, failingStepReason: `no ##[error] line: assumed the last step before cleanup, "${last.name}"` };
  }
  return { failingStepReason: "no step could be identified as the failing one" };
}

const seconds = (iso: string | null | undefined) => (iso ? Date.parse(iso) / 1000 : Number.NaN);

/** Log steps that belong to an API step: same name, else started within its time window. */
function logStepsOf(api: ApiStep, steps: LogStep[]): LogStep[] {
  const live = steps.filter((s) => !s.post);
  const byName = live.filter((s) => s.name === api.name || s.name === `Run ${api.name}`);
  if (byName.length > 0) return byName;
  // The API gives whole seconds: compare the log's timestamps truncated to the second.
  const from = seconds(api.started_at);
  const to = seconds(api.completed_at);
  if (Number.isNaN(from) || Number.isNaN(to)) return [];
  return live.filter((s) => s.startedAt !== undefined && Math.floor(seconds(s.startedAt)) >= from && Math.floor(seconds(s.startedAt)) <= to);
}

function failingFromApi(apiSteps: ApiStep[], steps: LogStep[]): Omit<StepSplit, "steps"> | undefined {
  const failed = apiSteps.find((s) => s.conclusion === "failure" || s.conclusion === "timed_out");
  if (!failed || /^Post |^Complete job$/.test(failed.name)) return undefined;
  const parts = logStepsOf(failed, steps);
  if (parts.length === 0) return undefined;
  const step: LogStep = {
    name: failed.name,
    number: failed.number,
    startLine: Math.min(...parts.map((p) => p.startLine)),
    endLine: Math.max(...parts.map((p) => p.endLine)),
    post: false,
    conclusion: failed.conclusion,
    ...(failed.started_at ? { startedAt: failed.started_at } : {}),
    completedAt: failed.completed_at ?? null,
  };
  return { failingStep: step, failingStepReason: `the jobs API reports step ${failed.number} "${failed.name}" as ${failed.conclusion}` };
}

/** Builds steps from markers; `apiSteps` (from the jobs API) take precedence for the failing step. */
export function splitSteps(markers: StepMarker[], lineCount: number, apiSteps?: ApiStep[]): StepSplit {
  const gitlab = markers.some((m) => m.kind === "section-start");
  const steps = gitlab ? gitlabSteps(markers) : githubSteps(markers, lineCount);
  if (steps.length === 0) {
    const whole: LogStep = { name: "(whole log)", startLine: 1, endLine: Math.max(1, lineCount), post: false };
    return { steps: [whole], failingStep: whole, failingStepReason: "the log has no steps: the whole log counts" };
  }
  const fromApi = apiSteps && apiSteps.length > 0 ? failingFromApi(apiSteps, steps) : undefined;
  if (fromApi) return { steps, ...fromApi };
  const fromLog = failingFromLog(steps, markers, gitlab);
  return { steps, ...fromLog };
}
