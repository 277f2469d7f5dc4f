import { describe, expect, it } from "vitest";
import { decide, emptyHistory, fixedIssues, parseKnownProblemIssueBody, type History, type TrunkHistory } from "../../src/decide/index.js";
import { NOW, classifiedReport, genuine, job, flaky, retryContext } from "./fixtures.js";

const BASE = "b".repeat(40);
const OLDER = "c".repeat(40);

function trunk(jobs: TrunkHistory["commits"][number]["jobs"], older = jobs): TrunkHistory {
  return {
    branch: "main",
    mergeBaseSha: BASE,
    commits: [
      { sha: BASE, at: new Date("2026-11-23T10:00:00Z"), url: `https://github.com/o/r/commit/${BASE}`, jobs },
      { sha: OLDER, at: new Date("2026-11-23T09:00:00Z"), url: `https://github.com/o/r/commit/${OLDER}`, jobs: older },
    ],
  };
}

function run(history: Partial<History>, failure = genuine(), j = job({ id: 1 })) {
  return decide({ now: NOW, report: classifiedReport([j], new Map([[j.id, failure]])), history: { ...emptyHistory, ...history }, retry: retryContext() }).jobs[0]!;
}

describe("broken trunk", () => {
  const failing = { name: "test (2, 3, linux.2xlarge)", conclusion: "failure", patternId: null, signature: "sig-assert-foo" };

  it("calls a failure known when the same job failed with the same signature on main, since the first such commit", () => {
    const r = run({ trunk: trunk([failing]) });
    expect(r.finalClass).toBe("known-problem");
    expect(r.knownProblem).toMatchObject({ source: "trunk", description: `also failing on main since ${OLDER.slice(0, 7)}`, since: { sha: OLDER } });
    expect(r.retry).toBeNull();
  });

  it("needs the same cause: another signature on main is not the same failure", () => {
    const r = run({ trunk: trunk([{ ...failing, signature: "sig-other" }]) });
    expect(r.finalClass).toBe("genuine");
  });

  it("never takes Sift's genuine shape id for a cause: another test failing on main is not this failure", () => {
    const mine = { ...genuine(), patternId: "sift.genuine.test-failure", signature: "genuine:expected 1 to be 2" };
    const r = run({ trunk: trunk([{ ...failing, patternId: "sift.genuine.test-failure", signature: "genuine:other test timed out" }]) }, mine);
    expect(r.finalClass).toBe("genuine");
    expect(r.knownProblem).toBeNull();
  });

  it("matches a pattern's cause on main even when the quoted lines differ", () => {
    const known = { ...genuine(), patternId: "repo.db-migrations", signature: "repo.db-migrations:a" };
    const r = run({ trunk: trunk([{ ...failing, patternId: "repo.db-migrations", signature: "repo.db-migrations:b" }]) }, known);
    expect(r.finalClass).toBe("known-problem");
  });

  it("says there is no baseline when the job never ran on the merge base", () => {
    const r = run({ trunk: trunk([{ ...failing, name: "lint" }], [failing]) });
    expect(r.finalClass).toBe("genuine");
    expect(r.failure.notes.join()).toContain(`No baseline: this job did not run on main at ${BASE.slice(0, 7)}`);
  });

  it("leaves flaky verdicts flaky so that they are still re-run", () => {
    const r = run({ trunk: trunk([{ ...failing, patternId: "gha.runner-lost" }]) }, flaky());
    expect(r.finalClass).toBe("flaky");
    expect(r.retry?.state).toBe("requested");
  });
});

describe("declarations", () => {
  const decl = { id: 1, jobGlob: "test*", reason: "upstream outage, see https://github.com/o/r/issues/9.", declaredBy: "alice", prNumber: 7, expiresAt: null, clearedAt: null };

  it("mark matching failures of the PR known, with who said it and the link in the reason", () => {
    const r = run({ declarations: [decl] });
    expect(r.knownProblem).toEqual({ source: "declaration", description: decl.reason, url: "https://github.com/o/r/issues/9", declaredBy: "alice", since: null });
  });

  it("ignore cleared, expired, other PRs' and non-matching declarations", () => {
    for (const d of [
      { ...decl, clearedAt: NOW },
      { ...decl, prNumber: null, expiresAt: new Date(NOW.getTime() - 1) },
      { ...decl, prNumber: 8 },
      { ...decl, jobGlob: "lint" },
    ]) {
      expect(run({ declarations: [d] }).finalClass).toBe("genuine");
    }
  });

  it("repo-wide declarations cover every PR until they expire", () => {
    const r = run({ declarations: [{ ...decl, prNumber: null, expiresAt: new Date(NOW.getTime() + 1000) }] });
    expect(r.knownProblem?.description).toBe(`declared broken on the default branch: ${decl.reason}`);
  });
});

describe("known-problem issues", () => {
  const issue = { number: 12, title: "Flaky DNS", url: "https://github.com/o/r/issues/12", ...parseKnownProblemIssueBody("Tracking.\n- jobs: `test*`, build\npattern: /AssertionError: \\w+/\n") };

  it("parse job globs and patterns from the body", () => {
    expect(issue.jobGlobs).toEqual(["test*", "build"]);
    expect(issue.patterns).toEqual(["/AssertionError: \\w+/"]);
  });

  it("cover matching failures with a link to the issue", () => {
    const r = decide({
      now: NOW, report: classifiedReport([job({ id: 1 })], new Map([[1, genuine()]])),
      history: { ...emptyHistory, issues: [issue] }, retry: retryContext(), regexTest: (src, text) => new RegExp(src).test(text),
    }).jobs[0]!;
    expect(r.knownProblem).toMatchObject({ source: "issue", url: issue.url, description: "#12: Flaky DNS" });
  });

  it("do not cover a PR whose body says it fixes the issue: its failures are its own", () => {
    const r = decide({
      now: NOW, report: classifiedReport([job({ id: 1 })], new Map([[1, genuine()]])),
      history: { ...emptyHistory, issues: [issue], fixedIssues: [12] }, retry: retryContext(), regexTest: (src, text) => new RegExp(src).test(text),
    }).jobs[0]!;
    expect(r.finalClass).toBe("genuine");
    expect(r.failure.notes).toContain("This PR says it fixes #12, so this failure counts as its own.");
  });

  it("turn a known-problem pattern's issue genuine too when the PR fixes it", () => {
    const kp = genuine({ class: "known-problem", patternId: "repo.kp", issue: "https://github.com/o/r/issues/12" });
    expect(run({}, kp).knownProblem?.source).toBe("pattern");
    expect(run({ fixedIssues: [12] }, kp).finalClass).toBe("genuine");
  });
});

describe("fixedIssues", () => {
  it("reads GitHub's closing keywords for this repository only", () => {
    const body = "Fixes #12. Also closes o/r#13 and resolves https://github.com/o/r/issues/14; fixes other/repo#15, mentions #16";
    expect(fixedIssues(body, "o/r").sort()).toEqual([12, 13, 14]);
    expect(fixedIssues(null, "o/r")).toEqual([]);
  });
});
