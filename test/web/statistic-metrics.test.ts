// sift_statistic_last_value: one series per (repository, statistic, group) the source gives (it is
// bounded at 200 by the query), private repositories only when /metrics asks for a token.
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/web/metrics/metrics.js";

const rows = [
  { repo: "octo/app", private: false, statistic: "bundle", group: "kb", value: 123 },
  { repo: "octo/secret", private: true, statistic: "bundle", group: "kb", value: 99 },
];

describe("sift_statistic_last_value", () => {
  it("names public repositories only on an open /metrics, and every one with a token", async () => {
    const open = await createMetrics({ statisticLastValues: async () => rows }).registry.metrics();
    expect(open).toContain('sift_statistic_last_value{repo="octo/app",statistic="bundle",group="kb"} 123');
    expect(open).not.toContain("octo/secret");
    const tokened = await createMetrics({ statisticLastValues: async () => rows }, { privateRepoNames: true }).registry.metrics();
    expect(tokened).toContain('sift_statistic_last_value{repo="octo/secret",statistic="bundle",group="kb"} 99');
  });

  it("drops a series the source no longer gives", async () => {
    let current = rows;
    const metrics = createMetrics({ statisticLastValues: async () => current });
    expect(await metrics.registry.metrics()).toContain('repo="octo/app"');
    current = [];
    expect(await metrics.registry.metrics()).not.toContain('repo="octo/app"');
  });
});
