import { describe, expect, it } from "vitest";
import { findRepository, loadDetails } from "../../src/web/details-data.js";
import { detailsJson } from "../../src/web/details-json.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { NOW, SHA, seedDetails } from "./seed-details.js";

const { db } = useSeededDatabase(seedDetails);

describe("details page data", () => {
  it("lists each failed job once, genuine first, with its latest verdict", async () => {
    const repo = (await findRepository(db().prisma, "Octo", "WIDGETS"))!;
    const data = (await loadDetails(db().prisma, repo, SHA, NOW))!;
    expect(data.conclusion).toBe("failure");
    expect(data.jobs.map((j) => [j.name, j.verdict])).toEqual([
      ["unit tests", "genuine"],
      ["lint", "known-problem"],
      ["e2e", "flaky"],
    ]);
    expect(data.jobs[1]!.knownProblem).toBe("https://github.com/octo/widgets/issues/12");
  });

  it("shows every attempt and the re-run Sift asked for", async () => {
    const repo = (await findRepository(db().prisma, "octo", "widgets"))!;
    const e2e = (await loadDetails(db().prisma, repo, SHA, NOW))!.jobs.find((j) => j.name === "e2e")!;
    expect(e2e.attempts.map((a) => [a.attempt, a.conclusion])).toEqual([
      [1, "failure"],
      [2, "success"],
    ]);
    expect(e2e.retries).toMatchObject([{ trigger: "auto", status: "requested", attempt: 1, outcome: "success" }]);
  });

  it("counts the cause over the last 30 days in this repository only, by job", async () => {
    const repo = (await findRepository(db().prisma, "octo", "widgets"))!;
    const e2e = (await loadDetails(db().prisma, repo, SHA, NOW))!.jobs.find((j) => j.name === "e2e")!;
    // this commit's e2e, e2e on b…, integration on c…; not the 40-day-old one, not the private repository's
    expect(e2e.history).toEqual({ days: 30, count: 3, jobs: [{ name: "e2e", count: 2 }, { name: "integration", count: 1 }] });
    const unit = (await loadDetails(db().prisma, repo, SHA, NOW))!.jobs.find((j) => j.name === "unit tests")!;
    expect(unit.history).toBeNull();
  });

  it("knows nothing of an unseen SHA", async () => {
    const repo = (await findRepository(db().prisma, "octo", "widgets"))!;
    expect(await loadDetails(db().prisma, repo, "f".repeat(40), NOW)).toBeNull();
    expect(await findRepository(db().prisma, "octo", "nope")).toBeNull();
  });

  it("gives the JSON shape of the issue", async () => {
    const repo = (await findRepository(db().prisma, "octo", "widgets"))!;
    const json = detailsJson((await loadDetails(db().prisma, repo, SHA, NOW))!);
    expect(json.sha).toBe(SHA);
    expect(json.jobs[2]).toEqual({
      name: "e2e",
      id: "102",
      class: "flaky",
      pattern: "npm-registry-5xx",
      line: 80,
      excerpt: "npm ERR! code E503\nnpm ERR! 503 Service Unavailable",
      retried: true,
      tests: [],
      confidence: "high", // stored before confidence was: derived from the verdict
      evidence: [],
    });
    expect(json.jobs[0]).toMatchObject({
      name: "unit tests",
      class: "genuine",
      pattern: null,
      retried: false,
      // the runner's own flaky report is evidence for later, not a failing test
      tests: [
        { id: "Cart › applies a discount", file: "src/cart.test.js" },
        { id: 'renders <img src=x onerror="window.pwned=2">', file: null },
      ],
      confidence: "medium",
      evidence: [{ text: expect.stringContaining("on 1 PR in the last 30 days"), links: [{ label: "#12 (abc1234)", url: "https://github.com/octo/widgets/actions/runs/4/job/44" }, { label: "bad", url: "javascript:alert(4)" }] }],
    });
  });
});
