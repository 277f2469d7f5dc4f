// sift_default_branch_red and sift_failures_24h, computed from the database at scrape time.
import { describe, expect, it } from "vitest";
import { defaultBranchRed, failuresLastDay } from "../../src/web/metrics/history-metrics.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { NOW, seedHistory } from "./seed-history.js";

const { db } = useSeededDatabase(seedHistory);

describe("history metrics", () => {
  it("says per repository whether the newest settled default-branch commit is broken, by the page's rule", async () => {
    // widgets: m8 is pending, so m7 (genuine) is the newest settled commit; secret: green; empty: no commit, no series
    expect((await defaultBranchRed(db().sql)).sort((a, b) => a.repo.localeCompare(b.repo))).toEqual([
      { repo: "octo/secret", red: false, private: true },
      { repo: "octo/widgets", red: true, private: false },
    ]);
    // the newest settled commit turns out green (CI finished, no failure): not red any more
    await db().prisma.headCommit.create({ data: { repositoryId: 1n, sha: "e".repeat(40), branch: "main", state: "idle", createdAt: NOW } });
    await db().prisma.job.create({ data: { repositoryId: 1n, provider: "actions", externalId: "green-1", headSha: "e".repeat(40), name: "build", status: "completed", conclusion: "success" } });
    expect((await defaultBranchRed(db().sql)).find((r) => r.repo === "octo/widgets")).toEqual({ repo: "octo/widgets", red: false, private: false });
    await db().prisma.headCommit.delete({ where: { repositoryId_sha: { repositoryId: 1n, sha: "e".repeat(40) } } });
  });

  it("counts the last 24 hours' failures by kind, across repositories", async () => {
    // 1 day ago exactly: npm (infrastructure), sig-abc (test), private-cause (infrastructure)
    expect(await failuresLastDay(db().prisma, NOW)).toEqual({ infrastructure: 2, test: 1 });
  });

  it("exposes both as gauges with repository and kind labels only (private names too, when /metrics asks for a token)", async () => {
    const metrics = createMetrics({ defaultBranchRed: () => defaultBranchRed(db().sql), failures24h: () => failuresLastDay(db().prisma, NOW) }, { privateRepoNames: true });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^# TYPE sift_default_branch_red gauge$/m);
    expect(text).toMatch(/^sift_default_branch_red\{repo="octo\/widgets"\} 1$/m);
    expect(text).toMatch(/^sift_default_branch_red\{repo="octo\/secret"\} 0$/m);
    expect(text).not.toContain('repo="octo/empty"');
    expect(text).toMatch(/^sift_failures_24h\{kind="infrastructure"\} 2$/m);
    expect(text).toMatch(/^sift_failures_24h\{kind="test"\} 1$/m);
  });

  it("names no private repository when /metrics is open: they are counted under repo=\"private\"", async () => {
    const metrics = createMetrics({
      defaultBranchRed: async () => [...(await defaultBranchRed(db().sql)), { repo: "octo/hidden-red", red: true, private: true }],
    });
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^sift_default_branch_red\{repo="octo\/widgets"\} 1$/m);
    expect(text).not.toContain("octo/secret");
    expect(text).not.toContain("hidden-red");
    expect(text).toMatch(/^sift_default_branch_red\{repo="private"\} 1$/m);
  });
});
