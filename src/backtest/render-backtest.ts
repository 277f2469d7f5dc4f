// PURE: a backtest result as text for a terminal, the dangerous direction (genuine → flaky) first.
import type { BacktestChange, BacktestResult } from "./run-backtest.js";

const MAX_LINE = 160;

export function renderBacktest(result: BacktestResult, what: { config: string; repo?: string }): string[] {
  const lines = [
    `backtest of ${what.config} over ${result.examined} stored failures since ${result.since.toISOString().slice(0, 10)}${what.repo ? ` of ${what.repo}` : ""}` +
      (result.declared ? ` (${result.declared} declared known problems left out)` : ""),
  ];
  if (result.cut) lines.push("the window was cut: the time limit ended the run before its last stored failure");
  const dangerous = result.changes.filter((c) => c.old.class === "genuine" && c.new.class !== "genuine");
  const classChanges = result.changes.filter((c) => c.old.class !== c.new.class && !dangerous.includes(c));
  const causeChanges = result.changes.filter((c) => c.old.class === c.new.class);
  for (const [title, changes] of [
    ["genuine → flaky or known problem", dangerous],
    ["other class changes", classChanges],
    ["same class, another cause", causeChanges],
  ] as const) {
    lines.push("", `${title}: ${changes.length}`);
    for (const c of changes) lines.push(`  ${changeLine(c)}`);
  }
  if (result.changes.length === 0) lines.push("", "no verdict would change");
  for (const o of result.observed) {
    lines.push("", `observed pattern ${o.patternId} (mode: observe, changes no verdict): matched ${o.hits} stored failure${o.hits === 1 ? "" : "s"}, ${o.genuine} of them genuine today`);
  }
  if (result.unmatched.length > 0) lines.push("", `patterns that decided none of these failures: ${result.unmatched.join(", ")}`);
  return lines;
}

function changeLine(c: BacktestChange): string {
  const old = `${c.old.class}${c.old.patternId ? ` (${c.old.patternId})` : ""}`;
  const now = `${c.new.class} (${c.new.patternId})`;
  const where = c.new.line === null ? "" : ` line ${c.new.line}`;
  const quote = c.new.matchedText ? `: ${JSON.stringify(c.new.matchedText.slice(0, 80))}` : "";
  const head = `${c.repo}@${c.sha.slice(0, 10)} ${JSON.stringify(c.job)} ${c.at.toISOString().slice(0, 10)}: ${old} → ${now}${where}${quote}`;
  return `${head.length > MAX_LINE ? `${head.slice(0, MAX_LINE - 1)}…` : head}${c.url ? ` ${c.url}` : ""}`;
}
