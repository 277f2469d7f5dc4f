import { describe, expect, it } from "vitest";
import { tolerateLinePrefix } from "../../src/classify/raw-scan.js";
import { compileRegex } from "../../src/classify/index.js";
import { PREFIX_SOURCE } from "../../src/logs/index.js";

describe("tolerateLinePrefix (raw-byte pre-filter)", () => {
  const P = PREFIX_SOURCE.github;
  it("lets ^ accept a GitHub timestamp, keeping classes and escapes intact", () => {
    const src = tolerateLinePrefix(String.raw`^##\[error\][^^]*\^$`, P);
    expect(src).toBe(String.raw`^(?:${P})?##\[error\][^^]*\^$`);
    const re = compileRegex(src, { id: "t", flags: "m" });
    expect(re.test("x\n2024-01-01T00:00:00.1234567Z ##[error]boom ^")).toBe(true);
    expect(re.test("##[error]boom ^")).toBe(true);
  });

  it("leaves sources alone for plain logs", () => {
    expect(tolerateLinePrefix("^a", "")).toBe("^a");
  });
});
