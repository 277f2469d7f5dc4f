// Line-start anchors let a relaying tool's tag stand in front (BuildKit, turbo); anything else is kept.
import { describe, expect, it } from "vitest";
import { allowingStepPrefix, STEP_PREFIX } from "../../src/classify/step-prefix.js";

describe("allowingStepPrefix", () => {
  it("opens every line-start anchor to a step prefix, and no caret inside a class or escaped", () => {
    expect(allowingStepPrefix(String.raw`^a[^^]\^|^b[]^]`)).toBe(String.raw`^(?:${STEP_PREFIX})?a[^^]\^|^(?:${STEP_PREFIX})?b[]^]`);
  });

  it("matches BuildKit's and turbo's relayed lines as the tool's own", () => {
    const re = new RegExp(allowingStepPrefix(String.raw`^\s*expect\(`));
    expect(re.test("#11 4.881     expect(received).toBe(expected)")).toBe(true);
    expect(re.test("@acme/web:test:     expect(received).toBe(expected)")).toBe(true);
    expect(re.test("note: expect(received)")).toBe(false);
  });
});
