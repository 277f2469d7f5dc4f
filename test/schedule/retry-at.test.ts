// A failed analysis comes back after SIFT_RETRY_SECONDS, or later when GitHub said when it would answer.
import { expect, it } from "vitest";
import { retryAt } from "../../src/schedule/retry-at.js";

const NOW = new Date("2026-12-06T08:00:00Z");
const error = (headers: Record<string, string>) => Object.assign(new Error("limited"), { status: 403, response: { headers } });

it("waits the retry delay after an error that says nothing", () => {
  expect(retryAt(new Error("boom"), NOW, 60)).toEqual(new Date("2026-12-06T08:01:00Z"));
});

it("waits a secondary limit's retry-after when it is longer", () => {
  expect(retryAt(error({ "retry-after": "300" }), NOW, 60)).toEqual(new Date("2026-12-06T08:05:00Z"));
  expect(retryAt(error({ "retry-after": "5" }), NOW, 60)).toEqual(new Date("2026-12-06T08:01:00Z"));
});

it("waits an exhausted primary limit out until a second after its reset", () => {
  const reset = String(NOW.getTime() / 1000 + 1800);
  expect(retryAt(error({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset }), NOW, 60)).toEqual(new Date("2026-12-06T08:30:01Z"));
  // remaining > 0: not a rate limit, the reset says nothing
  expect(retryAt(error({ "x-ratelimit-remaining": "12", "x-ratelimit-reset": reset }), NOW, 60)).toEqual(new Date("2026-12-06T08:01:00Z"));
});
