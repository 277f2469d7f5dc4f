// The outage rule on generated history: a cause's count in the last 15 minutes against its usual share
// of the jobs completed over the previous week (Poisson tail and ratio), above an absolute floor.
import { describe, expect, it } from "vitest";
import { activeOutages, defaultOutageOptions, poissonTail } from "../../src/decide/index.js";
import { SLOTS_PER_WEEK, evidenceAt, isBusy, orgHistory, type Slot } from "../helpers/org-history.js";

const END = new Date("2026-11-26T00:00:00Z"); // a Thursday: the last day is a working day
const CAUSE = "net.reset";
const days = 8;
/** A big organisation: 400 jobs per 15 minutes in working hours, 40 otherwise; 4% hit the network blip. */
const bigOrg = orgHistory({ end: END, days, busyJobs: 400, quietJobs: 40, causeRate: 0.04, seed: 11 });
/** A small one: 8 jobs per 15 minutes in working hours, 1 otherwise; the cause never seen before. */
const smallOrg = orgHistory({ end: END, days, busyJobs: 8, quietJobs: 1, causeRate: 0, seed: 12 });
const lastDay = (slots: Slot[]) => slots.map((_, i) => i).filter((i) => i >= SLOTS_PER_WEEK);

function outagesAt(slots: Slot[], i: number, held: string[] = []) {
  const { evidence, now } = evidenceAt(slots, i, CAUSE);
  return activeOutages(evidence, held, now);
}

function withSightings(slots: Slot[], i: number, sightings: number): Slot[] {
  return slots.map((s, k) => (k === i ? { ...s, sightings } : s));
}

describe("outages against the cause's own baseline", () => {
  it("sees no outage in a big organisation's steady background noise, where the absolute rule saw one all day", () => {
    const flagged = lastDay(bigOrg).filter((i) => outagesAt(bigOrg, i).length > 0);
    const oldRule = lastDay(bigOrg).filter((i) => bigOrg[i]!.sightings >= defaultOutageOptions.minJobs);
    expect(flagged).toEqual([]);
    expect(oldRule.length, "slots where 10 in 15 minutes fired on noise alone").toBeGreaterThan(30);
  });

  it("sees a spike of the cause in a big organisation, in working hours and at night", () => {
    const busy = lastDay(bigOrg).find((i) => isBusy(bigOrg[i]!.start) && bigOrg[i]!.start.getUTCHours() === 14)!;
    // 400 jobs × 4% = 16 expected: 60 is an outage, 30 (under 3×) is not.
    expect(outagesAt(withSightings(bigOrg, busy, 60), busy)).toEqual([expect.objectContaining({ cause: CAUSE, count: 60 })]);
    expect(outagesAt(withSightings(bigOrg, busy, 30), busy)).toEqual([]);
    const night = lastDay(bigOrg).find((i) => bigOrg[i]!.start.getUTCHours() === 2)!;
    // 40 jobs × 4% = 1.6 expected: 12 is an outage, at the floor or above.
    const [outage] = outagesAt(withSightings(bigOrg, night, 12), night);
    expect(outage).toMatchObject({ cause: CAUSE, count: 12 });
    expect(outage!.expected).toBeCloseTo(1.6, 0);
  });

  it("keeps the absolute floor for a small organisation", () => {
    const i = lastDay(smallOrg).find((k) => isBusy(smallOrg[k]!.start))!;
    expect(outagesAt(withSightings(smallOrg, i, 10), i)).toEqual([expect.objectContaining({ cause: CAUSE, count: 10, expected: 0 })]);
    expect(outagesAt(withSightings(smallOrg, i, 9), i)).toEqual([]);
  });

  it("uses only the floor without a baseline worth trusting (a new installation)", () => {
    const { evidence, now } = evidenceAt(withSightings(bigOrg, SLOTS_PER_WEEK, 10), SLOTS_PER_WEEK, CAUSE);
    expect(activeOutages({ ...evidence, baseline: null }, [], now)).toHaveLength(1);
    // 150 jobs of history is under minBaselineJobs (200): the baseline's 40% rate is not believed.
    const thin = { causes: { [CAUSE]: 60 }, jobs: 150, windowJobs: 30, quietJobs: 20 };
    expect(activeOutages({ ...evidence, baseline: thin }, [], now)).toHaveLength(1);
    expect(activeOutages({ ...evidence, baseline: { ...thin, jobs: 200, causes: { [CAUSE]: 80 } } }, [], now)).toEqual([]);
  });

  it("ends a held outage once the cause is back to its usual rate, though it still appears", () => {
    const busy = lastDay(bigOrg).find((i) => isBusy(bigOrg[i]!.start) && bigOrg[i]!.start.getUTCHours() === 15)!;
    expect(bigOrg[busy]!.sightings, "the noise itself keeps appearing").toBeGreaterThan(5);
    expect(outagesAt(bigOrg, busy, [CAUSE])).toEqual([]);
    expect(outagesAt(withSightings(bigOrg, busy, 40), busy, [CAUSE])).toHaveLength(1);
    // Small organisation: held while the cause shows up at all in the last 10 minutes.
    const i = lastDay(smallOrg).find((k) => isBusy(smallOrg[k]!.start))!;
    expect(outagesAt(withSightings(smallOrg, i, 1), i, [CAUSE])).toHaveLength(1);
    expect(outagesAt(smallOrg, i, [CAUSE])).toEqual([]);
  });

  it("says how far above its usual count the cause is", () => {
    const busy = lastDay(bigOrg).find((i) => isBusy(bigOrg[i]!.start) && bigOrg[i]!.start.getUTCHours() === 14)!;
    const [o] = outagesAt(withSightings(bigOrg, busy, 60), busy);
    expect(o!.expected).toBeGreaterThan(12);
    expect(o!.expected).toBeLessThan(20);
  });
});

describe("poissonTail", () => {
  it("matches the exact upper tail", () => {
    expect(poissonTail(10, 3)).toBeCloseTo(0.0011025, 6);
    expect(poissonTail(5, 1)).toBeCloseTo(0.0036598, 6);
    expect(poissonTail(30, 10)).toBeCloseTo(2.50995e-7, 10);
    expect(poissonTail(1100, 1000) / 0.00096263).toBeCloseTo(1, 3);
  });

  it("is 0 for any count when nothing is expected, and 1 for counts not above the mean", () => {
    expect(poissonTail(1, 0)).toBe(0);
    expect(poissonTail(0, 5)).toBe(1);
    expect(poissonTail(4, 5)).toBe(1);
  });
});
