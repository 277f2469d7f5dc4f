// PURE: a config change's backtest → the markdown section of the `Sift config` check run and its
// conclusion: neutral when a genuine failure would turn flaky (or known), or when the window was cut;
// success otherwise. Genuine → flaky comes first and in full (as far as GitHub's 65,535 characters
// allow, and it says what did not fit); every change is grouped under the pattern that caused it.
// Job names and matched text come from CI (attacker-controlled): escaped.
import type { BacktestChange, BacktestFailure, PatternChange } from "../backtest/index.js";
import { code, inline, link } from "../report/markdown.js";
import type { ConfigBacktest } from "./backtest-config-change.js";

export interface BacktestSection {
  conclusion: "success" | "neutral";
  title: string;
  markdown: string;
}

/** The page of a stored failure's commit (web/urls.ts detailsUrl, with its token for private repos). */
export type FailureLink = (f: BacktestFailure) => string | null;

const BUDGET = 60_000;
const OTHERS_LISTED = 30;
const OTHER_CAUSE = "(settings)";

export function renderBacktestSection(bt: ConfigBacktest, linkOf: FailureLink): BacktestSection {
  const { result } = bt;
  const dangerous = result.changes.filter((c) => c.old.class === "genuine" && c.new.class !== "genuine");
  const classChanges = result.changes.filter((c) => c.old.class !== c.new.class && c.old.class !== "genuine");
  const causeChanges = result.changes.filter((c) => c.old.class === c.new.class);
  const where = bt.repos.length === 1 ? code(bt.repos[0] as string) : `${bt.repos.length} repositories`;
  const head = [
    "### Backtest",
    "",
    `Over ${result.examined} stored failures of the last ${bt.days} days in ${where}, compared with the patterns in force:` +
      (result.changes.length === 0 ? " **no verdict would change**." : ""),
  ];
  if (result.changes.length > 0) {
    head.push("", `- **${dangerous.length} genuine → flaky or known problem**`, `- ${classChanges.length} other class changes`, `- ${causeChanges.length} same class, another cause`);
  }
  if (result.cut) head.push("", `**The window was cut**: the time limit ended the backtest before its last stored failure; failures after that were not examined.`);
  if (result.declared > 0) head.push("", `${result.declared} failures made known problems by a declaration, issue or broken trunk are left out.`);
  if (bt.unaffected.length > 0) head.push("", `Not reached by this change (their own file does not extend the org's): ${bt.unaffected.map((r) => code(r)).join(", ")}.`);

  const lines: string[] = [...head];
  let cutDangerous = 0;
  const budgetLeft = () => BUDGET - lines.join("\n").length;
  const section = (title: string, changes: BacktestChange[], limit: number) => {
    if (changes.length === 0) return;
    lines.push("", `#### ${title} (${changes.length})`);
    for (const [cause, group] of byCause(changes, bt.patterns)) {
      lines.push("", `${cause === OTHER_CAUSE ? "other settings (built-ins, scope, order)" : code(cause)}${how(bt.patterns.get(cause))}: ${group.length}`);
      for (const [i, c] of group.entries()) {
        const line = `- ${changeLine(c, linkOf)}`;
        if (i >= limit || budgetLeft() < line.length + 2000) {
          const rest = group.length - i;
          if (limit === Infinity) cutDangerous += rest;
          lines.push(`- …and ${rest} more`);
          break;
        }
        lines.push(line);
      }
    }
  };
  section("Genuine → flaky or known problem", dangerous, Infinity);
  section("Other class changes", classChanges, OTHERS_LISTED);
  section("Same class, another cause", causeChanges, OTHERS_LISTED);
  if (cutDangerous > 0) lines.push("", `${cutDangerous} genuine → flaky failures did not fit in the check run (65,535 characters).`);
  if (result.contradictions.length > 0) {
    lines.push("", "#### Patterns contradicted by re-runs", "", "They would call flaky failures that failed again on every re-run:");
    for (const [id, group] of groupBy(result.contradictions, (c) => c.patternId)) {
      const shown = group.slice(0, 10).map((c) => link(inline(`${c.job} (${c.reruns} re-runs)`, 120), linkOf(c)));
      lines.push(`- ${code(id)}: ${group.length} — ${shown.join(", ")}${group.length > 10 ? ", …" : ""}`);
    }
  }
  if (result.observed.length > 0) {
    lines.push("", "#### Patterns in observe mode", "", "They change no verdict until `mode: observe` is removed; what they would have matched:");
    for (const o of result.observed) lines.push(`- ${code(o.patternId)}: ${o.hits} stored failures, ${o.genuine} of them genuine today`);
  }
  if (result.unmatched.length > 0) lines.push("", `#### Patterns that decide none of these failures`, "", result.unmatched.map((id) => code(id)).join(", "));

  const conclusion = dangerous.length > 0 || result.cut ? "neutral" : "success";
  const title =
    dangerous.length > 0
      ? `backtest: ${dangerous.length} genuine → flaky of ${result.examined} stored failures`
      : `backtest: no genuine failure turns flaky (${result.examined} stored failures${result.cut ? ", window cut" : ""})`;
  return { conclusion, title, markdown: lines.join("\n") };
}

function how(change: PatternChange | undefined): string {
  return change ? ` (${change})` : "";
}

/** The pattern a change is owed to: the new verdict's when the change touched it, else the old one's. */
function byCause(changes: BacktestChange[], patterns: Map<string, PatternChange>): Map<string, BacktestChange[]> {
  return groupBy(changes, (c) => (patterns.has(c.new.patternId) ? c.new.patternId : c.old.patternId !== null && patterns.has(c.old.patternId) ? c.old.patternId : OTHER_CAUSE));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function changeLine(c: BacktestChange, linkOf: FailureLink): string {
  const label = inline(`${c.repo} ${c.job} @ ${c.sha.slice(0, 7)}`, 160);
  const old = `${c.old.class}${c.old.patternId ? ` ${code(c.old.patternId, 80)}` : ""}`;
  const quote = c.new.matchedText ? `: ${code(c.new.matchedText, 100)}` : "";
  const line = c.new.line === null ? "" : `, line ${c.new.line}`;
  return `${link(label, linkOf(c))} (${c.at.toISOString().slice(0, 10)}): ${old} → ${c.new.class} ${code(c.new.patternId, 80)}${line}${quote}`;
}
