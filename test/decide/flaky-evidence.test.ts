// Flaky by evidence, decided from plain data: flips on distinct commits, declared flaky tests, and the
// guards that keep a failure genuine (too few flips, another failing test, a compile error, broken
// trunk, the PR changing the test's file, anything Sift could not check).
import { describe, expect, it } from "vitest";
import type { ClassifiedFailure } from "../../src/model/index.js";
import { decide, emptyHistory, needsChangedFiles, type DecideInput, type Flip, type History } from "../../src/decide/index.js";
import { NOW, classifiedReport, genuine, job, retryContext } from "./fixtures.js";

const TEST = { id: "Cart › applies a discount", file: "src/cart/cart.test.js" };
const J = job({ id: 1, name: "test (1, 2)", prNumbers: [7] });

function jestFailure(over: Partial<ClassifiedFailure> = {}): ClassifiedFailure {
  return genuine({ patternId: "sift.genuine.test-failure", category: "test-failure", line: 40, signature: "genuine:● Cart › applies a discount", tests: [TEST], ...over });
}

let n = 0;
function flip(sha: string, over: Partial<Flip> = {}): Flip {
  n++;
  return { sha: sha.padEnd(40, "0"), prNumbers: [100 + n], jobName: "test (2, 2)", url: `https://github.com/o/r/actions/runs/1/job/${n}`, at: new Date(NOW.getTime() - n * 3600_000), ...over };
}

const flipsOf = (...flips: Flip[]) => ({ tests: flips.map((f) => ({ id: TEST.id, file: TEST.file, flip: f })), signatures: [] });
const noFiles = { kind: "files" as const, files: ["src/cart/cart.js"] };

function input(history: Partial<History>, failure = jestFailure(), over: Partial<DecideInput> = {}): DecideInput {
  return { now: NOW, report: classifiedReport([J], new Map([[J.id, failure]])), history: { ...emptyHistory, ...history }, retry: retryContext(), ...over };
}
const run = (history: Partial<History>, failure?: ClassifiedFailure, over?: Partial<DecideInput>) => decide(input(history, failure, over)).jobs[0]!;

describe("flips", () => {
  it("make a failing test that passed on re-run at the same commit on two commits flaky, re-run, with the evidence linked", () => {
    const r = run({ flakyEvidence: flipsOf(flip("c1"), flip("c2")), changedFiles: noFiles });
    expect(r).toMatchObject({ finalClass: "flaky", confidence: "high", retry: { state: "requested" } });
    expect(r.failure).toMatchObject({ class: "flaky", patternId: "sift.evidence.flaky-test", category: "flaky-test", retry: { enabled: true }, tests: [TEST] });
    expect(r.failure.reason).toBe('Test "Cart › applies a discount" is flaky by evidence: it passed when re-run at the same commit.');
    expect(r.evidence).toEqual([
      {
        text: 'Test "Cart › applies a discount" failed and then passed on re-run at the same commit on 2 PRs in the last 30 days.',
        links: [
          { label: `#${100 + n - 1} (c100000)`, url: `https://github.com/o/r/actions/runs/1/job/${n - 1}` },
          { label: `#${100 + n} (c200000)`, url: `https://github.com/o/r/actions/runs/1/job/${n}` },
        ],
      },
    ]);
  });

  it("count commits, not jobs: two flips at one commit are one, and stay below evidence.min_flips", () => {
    const r = run({ flakyEvidence: flipsOf(flip("c1"), flip("c1", { prNumbers: [] })), changedFiles: noFiles });
    expect(r).toMatchObject({ finalClass: "genuine", confidence: "medium" });
    expect(r.evidence?.[0]?.text).toBe('Test "Cart › applies a discount" failed and then passed on re-run at the same commit on 1 PR in the last 30 days; evidence.min_flips is 2, so this alone does not make it flaky.');
    const onBranch = run({ flakyEvidence: flipsOf(flip("c1", { prNumbers: [] })), changedFiles: noFiles });
    expect(onBranch.evidence?.[0]?.text).toContain("on 1 commit in the last 30 days;");
  });

  it("follow evidence.min_flips and evidence.enabled", () => {
    const evidence = flipsOf(flip("c1"), flip("c2"));
    const policy = { enabled: true, minFlips: 3, windowDays: 14, flakyTests: [] };
    expect(run({ flakyEvidence: evidence, changedFiles: noFiles }, undefined, { evidence: policy }).finalClass).toBe("genuine");
    expect(run({ flakyEvidence: flipsOf(flip("c1"), flip("c2"), flip("c3")), changedFiles: noFiles }, undefined, { evidence: policy }).evidence?.[0]?.text).toContain("on 3 PRs in the last 14 days");
    expect(run({ flakyEvidence: evidence, changedFiles: noFiles }, undefined, { evidence: { ...policy, enabled: false, minFlips: 2 } })).toMatchObject({ finalClass: "genuine", evidence: [] });
  });

  it("count the test runner's own re-tries, and jest's retry form of the title, as the same test", () => {
    const evidence = { tests: [{ id: "Cart applies a discount", file: null, flip: flip("c1", { runnerSaid: "jest re-ran it after a failure and it passed", prNumbers: [] }) }, { id: TEST.id, file: TEST.file, flip: flip("c2") }], signatures: [] };
    const r = run({ flakyEvidence: evidence, changedFiles: noFiles });
    expect(r.finalClass).toBe("flaky");
    expect(r.evidence?.[0]?.text).toContain("on 2 commits (1 PR) in the last 30 days, 1 in the test runner's own re-try.");
  });

  it("do not mix up tests of the same name in different files", () => {
    const evidence = { tests: [flip("c1"), flip("c2")].map((f) => ({ id: TEST.id, file: "packages/admin/src/cart/other.test.js", flip: f })), signatures: [] };
    expect(run({ flakyEvidence: evidence, changedFiles: noFiles })).toMatchObject({ finalClass: "genuine", evidence: [] });
  });

  it("need every failing test to be flaky", () => {
    const other = { id: "Cart › removes an item", file: TEST.file };
    const r = run({ flakyEvidence: flipsOf(flip("c1"), flip("c2")), changedFiles: noFiles }, jestFailure({ tests: [TEST, other] }));
    expect(r.finalClass).toBe("genuine");
    expect(r.evidence).toHaveLength(1);
  });

  it("never clear a failure whose decisive line is not a test's failure (a compile error)", () => {
    const r = run({ flakyEvidence: flipsOf(flip("c1"), flip("c2")), changedFiles: noFiles }, jestFailure({ patternId: "sift.genuine.build-error", category: "build-error" }));
    expect(r).toMatchObject({ finalClass: "genuine", evidence: [] });
  });

  it("use the failure signature of the same job when the log names no test", () => {
    const failure = jestFailure({ tests: undefined, patternId: "sift.genuine.error", category: "error", signature: "genuine:Error: socket hang up" });
    const signatures = [flip("c1"), flip("c2")].map((f) => ({ signature: "genuine:Error: socket hang up", jobName: "test (2, 2)", flip: f }));
    expect(run({ flakyEvidence: { tests: [], signatures }, changedFiles: { kind: "unknown", reason: "never asked" } }, failure)).toMatchObject({ finalClass: "flaky", failure: { reason: "The same failure of this job is flaky by evidence: it passed when re-run at the same commit." } });
    const elsewhere = signatures.map((s) => ({ ...s, jobName: "lint" }));
    expect(run({ flakyEvidence: { tests: [], signatures: elsewhere } }, failure).finalClass).toBe("genuine");
    expect(run({ flakyEvidence: { tests: [], signatures } }, { ...failure, line: null, patternId: "sift.genuine.unknown" }).finalClass).toBe("genuine");
  });
});

describe("guards", () => {
  const evidence = flipsOf(flip("c1"), flip("c2"));

  it("keep the failure genuine when the pull request changes the test's file (runner paths compared by suffix)", () => {
    const r = run({ flakyEvidence: evidence, changedFiles: { kind: "files", files: ["web/src/cart/cart.test.js", "README.md"] } }, jestFailure({ tests: [{ id: TEST.id, file: "./src/cart/cart.test.js" }] }));
    expect(r).toMatchObject({ finalClass: "genuine", confidence: "medium", retry: null });
    expect(r.evidence?.at(-1)?.text).toBe('This pull request changes web/src/cart/cart.test.js, the file of test "Cart › applies a discount": the change may be what makes it fail, so the failure counts as genuine.');
  });

  it("match a test without a file by its class or module name", () => {
    const junit = jestFailure({ tests: [{ id: "org.acme.CartTest.appliesDiscount" }] });
    const flips = { tests: [flip("c1"), flip("c2")].map((f) => ({ id: "org.acme.CartTest.appliesDiscount", file: null, flip: f })), signatures: [] };
    expect(run({ flakyEvidence: flips, changedFiles: { kind: "files", files: ["core/src/test/java/org/acme/CartTest.java"] } }, junit).finalClass).toBe("genuine");
    expect(run({ flakyEvidence: flips, changedFiles: { kind: "files", files: ["core/src/main/java/org/acme/Cart.java"] } }, junit).finalClass).toBe("flaky");
  });

  it("stay genuine, saying why, when the PR's files are unknown or were never fetched", () => {
    const unknown = run({ flakyEvidence: evidence, changedFiles: { kind: "unknown", reason: "GitHub did not list the pull request's files (HTTP 502)" } });
    expect(unknown.finalClass).toBe("genuine");
    expect(unknown.evidence?.at(-1)?.text).toContain("(GitHub did not list the pull request's files (HTTP 502)), so the failure counts as genuine");
    const never = run({ flakyEvidence: evidence });
    expect(never.finalClass).toBe("genuine");
    expect(never.evidence?.at(-1)?.text).toContain("Sift did not check whether this pull request changes the failing tests' files");
  });

  it("ask for the PR's files only when evidence would clear a failure", () => {
    expect(needsChangedFiles(input({ flakyEvidence: evidence }))).toBe(true);
    expect(needsChangedFiles(input({ flakyEvidence: flipsOf(flip("c1")) }))).toBe(false);
    expect(needsChangedFiles(input({ flakyEvidence: evidence, changedFiles: { kind: "not-needed" } }))).toBe(false);
    expect(needsChangedFiles(input({ flakyEvidence: evidence }, jestFailure({ class: "flaky" })))).toBe(false);
  });

  it("need no files on the default branch", () => {
    expect(run({ flakyEvidence: evidence, changedFiles: { kind: "not-needed" } }).finalClass).toBe("flaky");
  });

  it("keep a test that fails on the default branch right now genuine: broken trunk", () => {
    const trunk = {
      branch: "main",
      mergeBaseSha: "b".repeat(40),
      commits: [
        { sha: "d".repeat(40), at: new Date(NOW.getTime() - 600_000), url: "https://github.com/o/r/commit/ddd", jobs: [{ name: "test (2, 2)", conclusion: "failure", patternId: null, signature: "other", tests: [{ id: TEST.id, file: TEST.file }] }] },
      ],
    };
    const r = run({ flakyEvidence: evidence, changedFiles: noFiles, trunk });
    expect(r.finalClass).toBe("genuine");
    expect(r.evidence?.at(-1)).toEqual({ text: `Test "Cart › applies a discount" is failing on main right now (ddddddd): that is broken trunk, not a flaky test, so the failure counts as genuine.`, links: [{ label: "ddddddd", url: "https://github.com/o/r/commit/ddd" }] });
    // once main passes again, the evidence counts
    const passing = { ...trunk, commits: [{ ...trunk.commits[0]!, jobs: [{ ...trunk.commits[0]!.jobs[0]!, conclusion: "success" }] }, ...trunk.commits] };
    expect(run({ flakyEvidence: evidence, changedFiles: noFiles, trunk: passing }).finalClass).toBe("flaky");
  });

  it("stay genuine with the reason when the evidence could not be read", () => {
    const r = run({ flakyEvidence: { tests: [], signatures: [], error: "the database query failed: timeout" }, changedFiles: noFiles });
    expect(r).toMatchObject({ finalClass: "genuine" });
    expect(r.evidence?.at(-1)?.text).toBe("Sift could not look up re-runs of these tests (the database query failed: timeout), so the failure counts as genuine.");
  });

  it("leave a failure the PR says it fixes its own", () => {
    const issue = { number: 12, title: "Cart flakes", url: "https://github.com/o/r/issues/12", jobGlobs: ["test*"], patterns: [] };
    expect(run({ flakyEvidence: evidence, changedFiles: noFiles, issues: [issue], fixedIssues: [12] })).toMatchObject({ finalClass: "genuine", evidence: [] });
  });
});

describe("declared flaky tests", () => {
  it("clear a failure whose tests match flaky_tests globs, with the glob as evidence", () => {
    const r = run({ changedFiles: noFiles }, undefined, { evidence: { enabled: true, minFlips: 2, windowDays: 30, flakyTests: ["src/cart/**", "[bad"] } });
    expect(r.failure).toMatchObject({ class: "flaky", patternId: "sift.declared.flaky-test", reason: 'Test "Cart › applies a discount" is declared flaky.' });
    expect(r.evidence).toEqual([{ text: 'Test "Cart › applies a discount" is declared flaky in .github/sift.yml (flaky_tests: src/cart/**).', links: [] }]);
    const report = decide(input({ changedFiles: noFiles }, undefined, { evidence: { enabled: true, minFlips: 2, windowDays: 30, flakyTests: ["src/cart/**", "[bad"] } }));
    expect(report.configProblems).toEqual([{ file: ".github/sift.yml", path: "flaky_tests[1]", message: "unbalanced brackets; this glob is ignored" }]);
  });

  it("clear a failure whose tests an open sift:flaky-test issue lists, linking the issue", () => {
    const flakyTestIssues = [{ number: 31, title: "Cart discount flakes", url: "https://github.com/o/r/issues/31", testIds: ["Cart › applies a discount"] }];
    const r = run({ flakyTestIssues, changedFiles: noFiles });
    expect(r.finalClass).toBe("flaky");
    expect(r.evidence).toEqual([{ text: 'Test "Cart › applies a discount" is declared flaky by issue #31: Cart discount flakes.', links: [{ label: "#31", url: "https://github.com/o/r/issues/31" }] }]);
  });

  it("still stay genuine when the PR changes the declared test's file", () => {
    const r = run({ changedFiles: { kind: "files", files: [TEST.file] } }, undefined, { evidence: { enabled: true, minFlips: 2, windowDays: 30, flakyTests: ["Cart › *"] } });
    expect(r.finalClass).toBe("genuine");
  });
});

describe("runner reports in this job", () => {
  it("are kept as evidence for next time and do not clear the failing test", () => {
    const r = run({ changedFiles: noFiles }, jestFailure({ flakyReports: [{ id: "Cart › removes an item", how: "jest re-ran it after a failure and it passed" }] }));
    expect(r.finalClass).toBe("genuine");
    expect(r.evidence?.[0]?.text).toBe('In this job the test runner re-tried "Cart › removes an item" until it passed (jest re-ran it after a failure and it passed); that counts as evidence the next time it fails.');
  });
});
