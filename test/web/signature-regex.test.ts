// A suggestion's pattern from a failure signature: escaped, numbers folded to \d+, and it matches the
// lines the signature came from (and not a different failure).
import { describe, expect, it } from "vitest";
import { compileRegex, failureSignature } from "../../src/classify/index.js";
import { escapeRegex, signatureRegex, suggestedId, suggestionYaml } from "../../src/web/patterns/signature-regex.js";
import { editConfigUrl, suggestionIssueUrl } from "../../src/web/patterns/suggestion-links.js";

describe("signatureRegex", () => {
  it("matches every line of the signature and no other failure", () => {
    const lines = ["npm ERR! 503 Service Unavailable: GET https://registry.example/a-1.2.3.tgz (took 31s)", "npm ERR! 503 Service Unavailable: GET https://registry.example/a-1.2.10.tgz (took 4s)"];
    const source = signatureRegex(`genuine:${failureSignature(lines[0] as string)}`);
    const re = compileRegex(source, { id: "t" });
    for (const l of lines) expect(re.test(l), l).toBe(true);
    expect(re.test("npm ERR! 404 Not Found: GET https://registry.example/a-1.2.3.tgz (took 31s)")).toBe(false);
    expect(source).toContain(String.raw`\d+`);
  });

  it("escapes RE2 metacharacters and gives a valid id", () => {
    expect(escapeRegex("a.b*c(d)[e]{f}|g^h$i?j+k\\l")).toBe(String.raw`a\.b\*c\(d\)\[e\]\{f\}\|g\^h\$i\?j\+k\\l`);
    expect(suggestedId("genuine:Error: connect ECONNREFUSED <n>.<n>.<n>.<n>:<n>")).toBe("suggested.error-connect-econnrefused");
    expect(suggestedId("genuine:<n> <n>")).toBe("suggested.failure");
  });

  it("quotes the regex for YAML so that quotes and comments in log text stay in the string", () => {
    const yaml = suggestionYaml({ id: "suggested.x", regex: "it's # not a comment", description: "d" });
    expect(yaml).toContain("    regex: 'it''s # not a comment'");
  });
});

describe("suggestion links", () => {
  it("encodes the editor URL and keeps the issue URL short, its fence unclosable", () => {
    expect(editConfigUrl("https://github.com", { owner: "o", name: "r", defaultBranch: "release/1 x" })).toBe("https://github.com/o/r/edit/release/1%20x/.github/sift.yml");
    const url = new URL(suggestionIssueUrl("https://github.com", { owner: "o", name: "r" }, { id: "s", yaml: "regex: '~~~~ x'", evidence: "e", searchUrl: "https://sift/s" }));
    expect(url.searchParams.get("body")).toContain("~~~~~yaml\nregex: '~~~~ x'\n~~~~~");
    const long = suggestionIssueUrl("https://github.com", { owner: "o", name: "r" }, { id: "s", yaml: "x".repeat(20_000), evidence: "e", searchUrl: "https://sift/s" });
    expect(long.length).toBeLessThanOrEqual(7000);
    expect(new URL(long).searchParams.get("body")).toBe("e\n\nSearch: https://sift/s");
  });
});
