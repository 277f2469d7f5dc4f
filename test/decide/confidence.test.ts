// Confidence in one place: high for a named cause or a specific decisive line, medium when re-run
// evidence argues or the line is generic, low for the genuine fallback without a line.
import { describe, expect, it } from "vitest";
import { confidenceOf } from "../../src/decide/index.js";
import { flaky, genuine } from "./fixtures.js";

describe("confidenceOf", () => {
  it("is high for flaky and known problems, whatever made them so", () => {
    expect(confidenceOf({ finalClass: "flaky", failure: flaky() })).toBe("high");
    expect(confidenceOf({ finalClass: "known-problem", failure: genuine() })).toBe("high");
  });

  it("is high for a genuine compiler or test failure line, medium when re-runs argue or the line is generic", () => {
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.build-error" }) })).toBe("high");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.assertion" }) })).toBe("high");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.diagnostic" }) })).toBe("high");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.assertion" }), contested: true })).toBe("medium");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.test-failure" }), contested: true })).toBe("medium");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.error" }) })).toBe("medium");
  });

  it("is low for the genuine fallback: no line, nothing recognised, no log, not classified", () => {
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.unknown", line: null }) })).toBe("low");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.genuine.test-failure", line: null }) })).toBe("low");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: "sift.signal.no-log", line: null }) })).toBe("low");
    expect(confidenceOf({ finalClass: "genuine", failure: genuine({ patternId: null }) })).toBe("low");
  });
});
