import { describe, expect, it } from "vitest";
import { regexTokens, type RegexToken } from "../../src/classify/regex-tokens.js";

const tokens = (source: string) => [...regexTokens(source)].map((t: RegexToken) => [t.kind, t.text]);

describe("regexTokens", () => {
  it("covers the source in order, each character once", () => {
    for (const source of [String.raw`^a\d+[^\]x-]{2,3}(?P<n>\w)$`, "[]a]b\\", String.raw`x[\n^]^\n`, "", "[unclosed"]) {
      const all = [...regexTokens(source)];
      expect(all.map((t) => t.text).join("")).toBe(source);
      all.forEach((t, i) => expect(t.at).toBe(i === 0 ? 0 : (all[i - 1] as RegexToken).at + (all[i - 1] as RegexToken).text.length));
    }
  });

  it("tells escapes, class members and plain characters apart", () => {
    expect(tokens(String.raw`^\n[^]^\n]$`)).toEqual([
      ["plain", "^"],
      ["escape", "\\n"],
      ["class", "[^]"],
      ["class", "^"],
      ["class", "\\n"],
      ["class", "]"],
      ["plain", "$"],
    ]);
  });

  it("keeps an escaped bracket inside a class from closing it", () => {
    expect(tokens(String.raw`[\]]{2}`)).toEqual([
      ["class", "["],
      ["class", "\\]"],
      ["class", "]"],
      ["plain", "{"],
      ["plain", "2"],
      ["plain", "}"],
    ]);
  });

  it("gives a trailing backslash as an escape of one character", () => {
    expect(tokens("a\\")).toEqual([
      ["plain", "a"],
      ["escape", "\\"],
    ]);
  });
});
