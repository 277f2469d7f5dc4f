// Flaky-test evidence in words, with the links that back it: what the report and the details page say.
import type { EvidenceSentence } from "../model/index.js";
import type { DeclaredMatch } from "../classify/index.js";
import type { FlakyTestIssue, Flip } from "./history.js";

const MAX_LINKS = 10;

/** `test "Cart › applies a discount"`, or the job's failure when there is no test id. */
export type SubjectName = string;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** One flip per commit, newest first. */
export function flipsPerCommit(flips: readonly Flip[]): Flip[] {
  const bySha = new Map<string, Flip>();
  for (const f of [...flips].sort((a, b) => b.at.getTime() - a.at.getTime())) if (!bySha.has(f.sha)) bySha.set(f.sha, f);
  return [...bySha.values()];
}

/** "… failed and then passed on re-run at the same commit on 3 PRs in the last 30 days", linking each. */
export function flipSentence(subject: SubjectName, flips: readonly Flip[], windowDays: number, repoWebUrl: string, below?: number): EvidenceSentence {
  const commits = flipsPerCommit(flips);
  const prs = new Set(commits.flatMap((f) => f.prNumbers));
  const onePrEach = commits.every((f) => f.prNumbers.length > 0) && prs.size === commits.length;
  const where = onePrEach ? plural(commits.length, "PR") : `${plural(commits.length, "commit")}${prs.size > 0 ? ` (${plural(prs.size, "PR")})` : ""}`;
  const byRunner = commits.filter((f) => f.runnerSaid).length;
  const runner = byRunner > 0 ? `, ${byRunner === commits.length ? "all" : byRunner} in the test runner's own re-try` : "";
  const short = below === undefined ? "" : `; evidence.min_flips is ${below}, so this alone does not make it flaky`;
  return {
    text: `${subject} failed and then passed on re-run at the same commit on ${where} in the last ${windowDays} days${runner}${short}.`,
    links: commits.slice(0, MAX_LINKS).map((f) => ({
      label: f.prNumbers.length > 0 ? `#${f.prNumbers.join(", #")} (${f.sha.slice(0, 7)})` : f.sha.slice(0, 7),
      url: f.url ?? `${repoWebUrl}/commit/${f.sha}`,
    })),
  };
}

export function declaredSentence(subject: SubjectName, declared: DeclaredMatch, issues: readonly FlakyTestIssue[]): EvidenceSentence {
  if (declared.by === "glob") return { text: `${subject} is declared flaky in .github/sift.yml (flaky_tests: ${declared.declared}).`, links: [] };
  const issue = issues.find((i) => i.testIds.includes(declared.declared));
  if (!issue) return { text: `${subject} is declared flaky by an open sift:flaky-test issue (${declared.declared}).`, links: [] };
  return { text: `${subject} is declared flaky by issue #${issue.number}: ${issue.title}.`, links: [{ label: `#${issue.number}`, url: issue.url }] };
}

export function sentence(text: string, links: EvidenceSentence["links"] = []): EvidenceSentence {
  return { text, links };
}
