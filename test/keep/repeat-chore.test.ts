// The keep stage's background chores (the failure text and history purges): a failed round is logged
// and the next one still runs; stopping aborts the round under way and waits for it.
import { expect, it } from "vitest";
import { repeatChore } from "../../src/keep/repeat-chore.js";
import { captureLogger } from "../helpers/probot.js";

it("logs a failed round and runs the next one", async () => {
  const { log, lines } = captureLogger();
  let rounds = 0;
  const stop = repeatChore("test chore", { firstDelayMs: 1, intervalMs: 5 }, log, async () => {
    if (++rounds === 1) throw new Error("boom");
  });
  await expect.poll(() => rounds, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
  await stop();
  expect(lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual(["test chore failed; trying again next interval"]);
});

it("stops by aborting the round under way and waiting for it to end", async () => {
  const { log } = captureLogger();
  let started = false;
  let ended = false;
  const stop = repeatChore("test chore", { firstDelayMs: 1, intervalMs: 60_000 }, log, async (signal) => {
    started = true;
    await new Promise((resolve) => signal.addEventListener("abort", resolve));
    ended = true;
  });
  await expect.poll(() => started, { timeout: 5000 }).toBe(true);
  await stop();
  expect(ended).toBe(true);
});

