// Re-classifying the kept text gives the verdict (and the line) the whole log gave, on every log of
// the corpus: what a backtest or a re-classification says is what the classify stage would say.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { reclassify } from "../../src/backtest/index.js";
import { classify } from "../../src/classify/index.js";
import { configFromFiles } from "../../src/config/index.js";
import { failureTextOf } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { corpusLogs } from "../helpers/corpus.js";

const files = ["genuine", "flaky-test", "infra", "pytorch", "unknown"].flatMap(corpusLogs);
const compiled = configFromFiles([], "o", "r").compiled;
const job = { name: "unit", workflowName: "CI", headBranch: "feature", conclusion: "failure" };
const context = { jobName: "unit", workflowName: "CI", branch: "feature" };
const summary = (v: { class: string; patternId: string; line: number | null }) => `${v.class} ${v.patternId} ${v.line}`;

it("gives every corpus log the verdict and line of its whole log (SIFT_KEEP_BYTES default)", () => {
  expect(files.length).toBeGreaterThan(40);
  for (const file of files) {
    const log = normaliseLog(readFileSync(file));
    const whole = classify({ log, compiled, context, signals: { conclusion: "failure" } });
    expect(summary(reclassify(failureTextOf(log), compiled, job)), file).toBe(summary(whole));
  }
});

it("keeps the failing step where it was when only the step's tail is kept", () => {
  let same = 0;
  for (const file of files) {
    const log = normaliseLog(readFileSync(file));
    const whole = classify({ log, compiled, context, signals: { conclusion: "failure" } });
    const kept = reclassify(failureTextOf(log, 16 * 1024), compiled, job);
    if (summary(kept) === summary(whole)) same++;
    // A tail can lose a cause, never invent a flaky one in a genuine failure.
    if (whole.class === "genuine") expect(kept.class, file).toBe("genuine");
  }
  expect(same / files.length).toBeGreaterThan(0.8);
});
