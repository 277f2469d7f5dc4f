// The classify stage on a 50 MB log of progress redraws (once 13 minutes of a blocked server):
// timers keep firing while it works, and the verdict still comes (issue 11, defect 1).
import { describe, expect, it } from "vitest";
import { createClassifyStage } from "../../src/analyse/classify-job.js";
import { actionsJob, classifyContext } from "../helpers/actions-job.js";
import { longestHold } from "../helpers/event-loop.js";
import { nockJobLogRedirect, nockLogStorage, useStrictNock } from "../helpers/github-nock.js";
import { progressLines } from "../helpers/hostile-logs.js";

useStrictNock();

const job = actionsJob();

describe("classify stage on a 50 MB log", () => {
  it("leaves the event loop turns while it cleans, and still gives a verdict", async () => {
    const log = Buffer.concat([progressLines(50 * 1024 * 1024), Buffer.from("\nError: the build failed\n")]);
    nockLogStorage(nockJobLogRedirect(), log.toString("latin1"));
    const { ctx } = classifyContext();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const start = performance.now();
    const { result: failure, longest } = await longestHold(() => createClassifyStage()(job, ctx));
    clearInterval(timer);
    const total = performance.now() - start;
    expect(failure).toMatchObject({ class: "genuine", excerpt: expect.stringContaining("Error: the build failed") });
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(longest).toBeLessThan(total / 3);
  });
});
