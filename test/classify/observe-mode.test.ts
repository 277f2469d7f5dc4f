// `mode: observe`: the pattern is matched like any other and its hit is reported, but the verdict is
// the one the set without it gives, field for field.
import { describe, expect, it } from "vitest";
import { ghaLog, verdictOf } from "./helpers.js";

const reset = { id: "net.reset", regex: "Connection reset by peer", class: "flaky" as const, category: "network" };
const observed = { ...reset, id: "net.reset.observed", mode: "observe" as const };

describe("mode: observe", () => {
  it("changes no verdict: a genuine failure stays genuine, and the hit is counted", () => {
    const log = ghaLog(["Connection reset by peer"]);
    const without = verdictOf(log, []);
    const withIt = verdictOf(log, [observed]);
    expect(without.class).toBe("genuine");
    expect(withIt).toEqual({ ...without, patternSetHash: withIt.patternSetHash, observed: ["net.reset.observed"] });
    expect(withIt.patternSetHash).not.toBe(without.patternSetHash);
  });

  it("does not stand in for an enforced pattern either: the enforced one still decides", () => {
    const v = verdictOf(ghaLog(["Connection reset by peer"]), [observed, reset]);
    expect(v).toMatchObject({ class: "flaky", patternId: "net.reset", observed: ["net.reset.observed"] });
  });

  it("does not excuse a genuine error the way an infrastructure line would", () => {
    const log = ghaLog(["Connection reset by peer", "error: expected 1, got 2"]);
    const without = verdictOf(log, []);
    expect(verdictOf(log, [observed])).toEqual({ ...without, patternSetHash: expect.any(String), observed: ["net.reset.observed"] });
  });

  it("reports nothing when the observed pattern does not match; enforce is the default", () => {
    expect(verdictOf(ghaLog(["AssertionError"]), [observed]).observed).toBeUndefined();
    expect(verdictOf(ghaLog(["Connection reset by peer"]), [{ ...reset, mode: "enforce" }]).class).toBe("flaky");
  });
});
