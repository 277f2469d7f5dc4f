// Failing tests and flaky-test evidence in the check run: shown under genuine and flaky failures,
// escaped like log text, linked only to http(s) URLs.
import { describe, expect, it } from "vitest";
import { renderCheckRun } from "../../src/report/index.js";
import { failure, jobReport, report } from "./report-fixtures.js";

const evidence = [
  {
    text: 'Test "Cart › applies a discount" failed and then passed on re-run at the same commit on 2 PRs in the last 30 days.',
    links: [
      { label: "#12 (abc1234)", url: "https://github.com/octo/widgets/actions/runs/1/job/11" },
      { label: "#15 (def5678)", url: "javascript:alert(1)" },
    ],
  },
];

describe("tests and evidence in the check run", () => {
  it("lists a flaky-by-evidence failure's test and the evidence with its links", () => {
    const flaky = jobReport("flaky", {
      failure: failure({ class: "flaky", patternId: "sift.evidence.flaky-test", category: "flaky-test", reason: 'Test "Cart › applies a discount" is flaky by evidence: it passed when re-run at the same commit.', tests: [{ id: "Cart › applies a discount", file: "src/cart.test.js" }] }),
      retry: { state: "requested", reason: "re-run requested (attempt 2 of 3)" },
      evidence,
    });
    const s = renderCheckRun(report([flaky])).summary;
    expect(s).toContain("(pattern `sift.evidence.flaky-test`) · re-running");
    expect(s).toContain("\n  Failing test: `Cart › applies a discount`\n");
    expect(s).toContain(
      "\n  - Test \\\"Cart › applies a discount\\\" failed and then passed on re\\-run at the same commit on 2 PRs in the last 30 days\\. ([\\#\u200D12 \\(abc1234\\)](https://github.com/octo/widgets/actions/runs/1/job/11), \\#\u200D15 \\(def5678\\))",
    );
    expect(s).not.toContain("javascript:"); // an unsafe link keeps its label, unlinked
  });

  it("shows a genuine failure's tests (at most ten named) and why evidence did not clear it", () => {
    const tests = Array.from({ length: 12 }, (_, i) => ({ id: `t${i} <img src=x>` }));
    const genuine = jobReport("genuine", { failure: failure({ tests }), evidence: [{ text: "This pull request changes src/<b>cart</b>.test.js, the file of test \"t0\".", links: [] }] });
    const s = renderCheckRun(report([genuine])).summary;
    expect(s).toContain("Failing tests: `t0 <img src=x>`, `t1 <img src=x>`");
    expect(s).toContain("`t9 <img src=x>` and 2 more");
    expect(s).not.toContain("`t10");
    expect(s).toContain("- This pull request changes src/&lt;b&gt;cart&lt;/b&gt;\\.test\\.js");
  });

  it("says nothing more when a failure has neither tests nor evidence", () => {
    const s = renderCheckRun(report([jobReport("genuine")])).summary;
    expect(s).not.toContain("Failing test");
  });
});
