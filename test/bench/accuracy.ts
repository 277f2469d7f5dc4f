// Benchmark: how right the classifier is on the real logs of ../shared/corpus, with the labels its
// provenance gives (see corpus-labels.ts), on a repository without configuration (built-ins only).
// Per class precision and recall, genuine → flaky (must be 0), and the quoted line against the
// cidiff ground-truth sidecars. "unknown" logs are listed apart, never scored.
import { builtinPatterns } from "../../src/classify/builtins/index.js";
import { classify, compilePatternSet, type Verdict } from "../../src/classify/index.js";
import { failureKind } from "../../src/model/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { labelledCorpus, type Label, type LabelledLog } from "./corpus-labels.js";

type Scored = Exclude<Label, "unknown">;
const CLASSES: readonly Scored[] = ["infra", "flaky-test", "genuine"];

/** Lines that only relay a failure (issue 10's list): quoting one is a wrong quote. */
const WRAPPER =
  /Process completed with exit code|failed with exit code \d+|^make(?:\[\d+\])?: \*\*\* |npm ERR! (?:code|errno) |ELIFECYCLE|\[Help \d+\]|Failed to execute goal|^BUILD FAIL|^FAILURE: Build failed|Execution failed for task|exited with (?:code )?\d+|Command failed with exit code|^\s*(?:Tests run:|Tests:|Test Suites:).*\b(?:Failures|failed)\b|^FAILURES!$|^Error: Process completed/;

/** The corpus label a verdict amounts to: genuine, or a flaky/known cause in the test or on the machine. */
function predicted(v: Verdict): Scored {
  if (v.class === "genuine") return "genuine";
  return failureKind({ verdict: v.class, patternId: v.patternId, category: v.category }) === "test" ? "flaky-test" : "infra";
}

const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(0).padStart(4)}%`);
const inRanges = (line: number | null, r: [number, number][]) => line !== null && r.some(([a, b]) => line >= a && line <= b);

interface Row {
  log: LabelledLog;
  v: Verdict;
  text: string;
}

function classRows(rows: Row[]): void {
  console.log("\n| class | logs | → genuine | → flaky | → known-problem | precision | recall |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const c of CLASSES) {
    const actual = rows.filter((r) => r.log.label === c);
    const guessed = rows.filter((r) => predicted(r.v) === c);
    const tp = actual.filter((r) => predicted(r.v) === c).length;
    const n = (k: Verdict["class"]) => actual.filter((r) => r.v.class === k).length;
    console.log(`| ${c} | ${actual.length} | ${n("genuine")} | ${n("flaky")} | ${n("known-problem")} | ${pct(tp, guessed.length)} | ${pct(tp, actual.length)} |`);
  }
  const notGenuine = rows.filter((r) => r.log.label !== "genuine");
  const said = rows.filter((r) => r.v.class !== "genuine");
  const tp = notGenuine.filter((r) => r.v.class !== "genuine").length;
  console.log(`| not genuine (infra + flaky-test) | ${notGenuine.length} | | | | ${pct(tp, said.length)} | ${pct(tp, notGenuine.length)} |`);
}

function quoteRows(rows: Row[]): void {
  const truth = rows.filter((r) => r.log.truth);
  const inError = truth.filter((r) => inRanges(r.v.line, r.log.truth?.errors ?? []));
  const inAny = truth.filter((r) => inRanges(r.v.line, [...(r.log.truth?.errors ?? []), ...(r.log.truth?.context ?? [])]));
  const genuine = rows.filter((r) => r.log.label === "genuine");
  const wrapper = genuine.filter((r) => r.v.line === null || WRAPPER.test(r.text));
  const upstream = rows.filter((r) => r.log.upstreamLine !== undefined && r.log.label === "genuine");
  const same = upstream.filter((r) => r.v.line === r.log.upstreamLine);
  console.log(`\nquoted line in a cidiff error range: ${inError.length}/${truth.length} (${pct(inError.length, truth.length).trim()}); in an error or context range: ${inAny.length}/${truth.length}`);
  for (const r of truth) console.log(`  ${r.log.name}: line ${r.v.line} (truth E ${JSON.stringify(r.log.truth?.errors)} C ${JSON.stringify(r.log.truth?.context)})`);
  console.log(`genuine logs quoting a wrapper or no line: ${wrapper.length}/${genuine.length}${wrapper.map((r) => `\n  ${r.log.name}: ${r.v.line === null ? "(no line)" : JSON.stringify(r.text.slice(0, 120))}`).join("")}`);
  console.log(`genuine pytorch fixtures quoting the upstream classifier's line: ${same.length}/${upstream.length}`);
}

export function runAccuracyBench(): Promise<void> {
  const compiled = compilePatternSet(builtinPatterns().map((pattern) => ({ pattern, origin: "builtin" as const })));
  const started = process.hrtime.bigint();
  const all = labelledCorpus().map((log): Row => {
    const parsed = normaliseLog(log.raw);
    const v = classify({ log: parsed, compiled });
    return { log, v, text: v.line === null ? "" : parsed.line(v.line) };
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rows = all.filter((r) => r.log.label !== "unknown");
  console.log(`corpus: ${all.length} logs (${rows.length} labelled, ${all.length - rows.length} unknown), classified in ${ms.toFixed(0)} ms with the built-ins only`);
  classRows(rows);
  const g2f = rows.filter((r) => r.log.label === "genuine" && r.v.class === "flaky");
  const g2k = rows.filter((r) => r.log.label === "genuine" && r.v.class === "known-problem");
  console.log(`\ngenuine → flaky: ${g2f.length} (target 0: ${g2f.length === 0 ? "met" : "MISSED"}); genuine → known-problem: ${g2k.length}${[...g2f, ...g2k].map((r) => `\n  ${r.log.name}: ${r.v.patternId} line ${r.v.line}`).join("")}`);
  quoteRows(rows);
  console.log("\nmisclassified (label → verdict, pattern, line):");
  for (const r of rows.filter((x) => predicted(x.v) !== x.log.label)) console.log(`  ${r.log.name}: ${r.log.label} → ${r.v.class} (${r.v.patternId}, line ${r.v.line}) ${JSON.stringify(r.text.slice(0, 100))}`);
  console.log("\nunknown (not scored):");
  for (const r of all.filter((x) => x.log.label === "unknown")) console.log(`  ${r.log.name}: ${r.v.class} (${r.v.patternId}, line ${r.v.line}) ${JSON.stringify(r.text.slice(0, 100))}`);
  return Promise.resolve();
}
