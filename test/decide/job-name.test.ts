import { describe, expect, it } from "vitest";
import { baseJobName, globMatcher, globProblem } from "../../src/decide/index.js";

describe("baseJobName", () => {
  it("strips shard and runner suffixes so shards of one job compare equal", () => {
    expect(baseJobName("test (3, 5, linux.2xlarge)")).toBe("test");
    expect(baseJobName("linux-test / Test (default, 1, 5, linux.2xlarge) [gpu]")).toBe("linux-test / test");
    expect(baseJobName("build")).toBe("build");
  });

  it("keeps a name that is only a group", () => {
    expect(baseJobName("(weird)")).toBe("(weird)");
  });
});

describe("globs", () => {
  it("match job names case-insensitively across slashes", () => {
    expect(globMatcher(["*test*"])?.("linux / Test (1, 2)")).toBe(true);
    expect(globMatcher(["lint"])?.("test")).toBe(false);
  });

  it("explain why a glob is unusable", () => {
    expect(globProblem("test[")).toBe("unbalanced brackets");
    expect(globProblem("")).toBe("empty glob");
    expect(globProblem("a\u0007")).toContain("control");
    expect(globMatcher(["ok", "bad{"])).toBeNull();
  });
});
