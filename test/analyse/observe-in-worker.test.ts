// The worker thread carries observe mode: the pattern set crosses as plain data (mode included) and the
// observed hits come back with the verdict, as in this thread.
import { afterAll, expect, it } from "vitest";
import { createClassifyPool } from "../../src/analyse/classify-pool.js";
import { classifyLogBytes } from "../../src/analyse/classify-log-bytes.js";
import { configFromFiles } from "../../src/config/load.js";
import { ghaLog } from "../classify/helpers.js";

const pool = createClassifyPool({ threads: 1 });
afterAll(() => pool.close());

it("observed hits come back from the worker thread, and the verdict is the in-thread one", async () => {
  const config = { patterns: [{ id: "net.reset.observed", regex: "frobnicator lost its quux", class: "flaky", mode: "observe" }] };
  const { compiled } = configFromFiles([{ owner: "o", repo: "r", path: ".github/sift.yml", config }], "o", "r");
  const job = () => ({ bytes: new TextEncoder().encode(ghaLog(["frobnicator lost its quux"])), truncatedHeadBytes: 0, context: { jobName: "test" }, signals: { conclusion: "failure" } });
  expect(pool.workerFile).toBeDefined();
  const here = classifyLogBytes(job(), compiled);
  const there = await pool.classify(job(), compiled);
  expect(here).toMatchObject({ class: "genuine", observed: ["net.reset.observed"] });
  expect(there).toEqual({ ok: true, verdict: here });
});
