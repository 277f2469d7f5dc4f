// The failing step of a log scanned in chunks, found from the end: the last ##[error] line
// outside cleanup, then the step boundaries around it. Only the chunks near those lines are
// read, so a 1 GB log with thousands of steps costs a few chunk reads, not a second pass.
import type { CompiledPatternSet } from "../classify/compile.js";
import { locateBackwards, locateFirst, type Located } from "../classify/locate.js";
import type { TextSource } from "../classify/text-source.js";
import type { StepSplit } from "../logs/steps.js";
import type { LogStep } from "../logs/types.js";

const EXIT_CODE = "##[error]Process completed with exit code ";
/** Give up looking for an error outside cleanup after this many ##[error] lines. */
const MAX_ERRORS = 10_000;

export function tailSteps(source: TextSource, compiled: CompiledPatternSet, lineCount: number): StepSplit {
  const id = (name: string) => compiled.probes.findIndex((p) => p.id === name);
  const [run, post, complete, error] = ["run", "post", "complete", "error"].map((k) => id(`sift.marker.${k}`)) as [number, number, number, number];
  const lastBoundaryBefore = (line: number) => {
    const found = [run, post, complete]
      .map((probe) => ({ probe, hit: locateBackwards(source, compiled, probe, 1, line).next().value as Located | undefined }))
      .filter((f) => f.hit !== undefined);
    return found.sort((a, b) => (b.hit as Located).line - (a.hit as Located).line)[0];
  };
  const nextBoundaryAfter = (line: number) =>
    Math.min(...[run, post, complete].map((probe) => locateFirst(source, compiled, probe, line + 1, lineCount)?.line ?? lineCount + 1));
  const stepAt = (line: number): LogStep | undefined => {
    const start = lastBoundaryBefore(line);
    if (start && start.probe !== run) return undefined; // inside cleanup
    const first = start?.hit as Located | undefined;
    return { name: first ? first.text.slice("##[group]".length) : "Set up job", startLine: first?.line ?? 1, endLine: nextBoundaryAfter(line) - 1, post: false };
  };

  const anyMarker = [run, post, complete, error].some((probe) => locateFirst(source, compiled, probe, 1, lineCount));
  if (!anyMarker) {
    const whole: LogStep = { name: "(whole log)", startLine: 1, endLine: Math.max(1, lineCount), post: false };
    return { steps: [whole], failingStep: whole, failingStepReason: "the log has no steps: the whole log counts" };
  }
  for (const exitOnly of [true, false]) {
    let seen = 0;
    for (const hit of locateBackwards(source, compiled, error, 1, lineCount)) {
      if (++seen > MAX_ERRORS) break;
      if (exitOnly && !hit.text.startsWith(EXIT_CODE)) continue;
      const step = stepAt(hit.line);
      if (!step) continue;
      const why = exitOnly ? "it ends with ##[error]Process completed with exit code N" : "it holds the last ##[error] line";
      return { steps: [step], failingStep: step, failingStepReason: `step "${step.name}": ${why}` };
    }
  }
  const lastRun = locateBackwards(source, compiled, run, 1, lineCount).next().value as Located | undefined;
  if (lastRun) {
    const step = stepAt(lastRun.line) as LogStep;
    return { steps: [step], failingStep: step, failingStepReason: `no ##[error] line: assumed the last step before cleanup, "${step.name}"` };
  }
  return { steps: [], failingStepReason: "no step could be identified as the failing one" };
}
