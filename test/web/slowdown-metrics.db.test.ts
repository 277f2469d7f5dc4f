// sift_job_slowdown: the jobs the detector flags across repositories, with bounded cardinality.
import { describe, expect, it } from "vitest";
import { createMetrics, MAX_SLOWDOWN_SERIES } from "../../src/web/metrics/metrics.js";
import { cached, flaggedJobs } from "../../src/web/insight/slowdown-metrics.js";
import { useInsightDatabase } from "./insight-database.js";
import { NOW } from "./seed-history.js";

const { db } = useInsightDatabase();

describe("sift_job_slowdown", () => {
  it("flags only gen/app's build, slower by half in the last 3 days", async () => {
    const flagged = await flaggedJobs(db().prisma, NOW);
    expect(flagged.map(({ repo, job, private: p }) => ({ repo, job, private: p }))).toEqual([{ repo: "gen/app", job: "build", private: false }]);
    expect(flagged[0]!.increase).toBeGreaterThan(0.3);
  });

  it("exports one series per flagged job, at most 100, and counts private repositories' jobs without naming them", async () => {
    const real = await flaggedJobs(db().prisma, NOW);
    const many = Array.from({ length: 150 }, (_, i) => ({ repo: `org/r${i}`, job: "build", private: false }));
    const hidden = [{ repo: "gen/vault", job: "secret job", private: true }, { repo: "gen/vault", job: "other", private: true }];
    const text = await createMetrics({ jobSlowdowns: async () => [...real, ...hidden, ...many] }).registry.metrics();
    expect(text).toMatch(/^sift_job_slowdown\{repository="gen\/app",job="build"\} 1$/m);
    expect(text.match(/^sift_job_slowdown\{/gm)).toHaveLength(MAX_SLOWDOWN_SERIES + 1);
    expect(text).toMatch(/^sift_job_slowdown\{repository="private",job="private"\} 2$/m);
    expect(text).not.toContain("vault");
    const named = await createMetrics({ jobSlowdowns: async () => hidden }, { privateRepoNames: true }).registry.metrics();
    expect(named).toMatch(/^sift_job_slowdown\{repository="gen\/vault",job="secret job"\} 1$/m);
  });

  it("reads the database at most once per cache period, and again after a failure", async () => {
    let t = 0;
    let reads = 0;
    const load = cached(async () => {
      reads++;
      if (reads === 2) throw new Error("database gone");
      return reads;
    }, 1000, () => t);
    expect([await load(), await load()]).toEqual([1, 1]);
    t = 1000;
    await expect(load()).rejects.toThrow("database gone");
    expect(await load()).toBe(3);
  });
});
