import { describe, expect, it } from "vitest";
import { OUTPUT_LIMIT, renderCheckRun } from "../../src/report/index.js";
import { fitBlocks, heading, item, truncateAtLine } from "../../src/report/fit-blocks.js";
import { failure, jobReport, report } from "./report-fixtures.js";

describe("size-limited output", () => {
  const bigExcerpt = Array.from({ length: 200 }, (_, i) => `error ${i}: ${"x".repeat(300)}`).join("\n");
  const jobs = Array.from({ length: 400 }, (_, i) => jobReport("genuine", { failure: failure({ excerpt: bigExcerpt, reason: `reason ${i} ${"y".repeat(200)}` }) }, `job-${i}`));
  const out = renderCheckRun(report(jobs));

  it("keeps summary and text within GitHub's 65535 characters and says how many were left out", () => {
    expect(out.summary.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(out.text!.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    const shown = (out.summary.match(/\*\*\[CI \/ job\\-\d+\]/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(out.summary).toContain(`_… and ${400 - shown} more (see the details page)_`);
    expect(out.text).toMatch(/_… and \d+ more \(see the details page\)_$/);
  });

  it("cuts only between blocks, so every fence is closed", () => {
    for (const md of [out.summary, out.text!]) {
      const fences = md.split("\n").filter((l) => /^`{3,}/.test(l));
      expect(fences.length % 2).toBe(0);
    }
  });

  it("shows one long line of a failure clipped, not the whole line", () => {
    const one = renderCheckRun(report([jobReport("genuine", { failure: failure({ excerpt: "z".repeat(100_000) }) })]));
    expect(one.summary.length).toBeLessThan(2_000);
    expect(one.summary).toContain("z…");
  });

  it("fitBlocks keeps blocks in order and counts only items", () => {
    const md = fitBlocks([heading("# head"), item("a".repeat(40)), item("b".repeat(40)), heading("# other"), item("c".repeat(40))], 120);
    expect(md).toBe(`# head\n\n${"a".repeat(40)}\n\n_… and 2 more (see the details page)_`);
  });

  it("truncateAtLine cuts at a line boundary and says how many lines went", () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i}`).join("\n");
    const cut = truncateAtLine(text, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/^line 0\nline 1\n(line \d\n)*… and \d+ more lines$/);
  });
});
