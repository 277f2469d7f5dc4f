import { describe, expect, it } from "vitest";
import { pageToken, repoPageToken, verifyPageToken, verifyRepoPageToken } from "../../src/web/page-token.js";
import { repoPath, repoUrl } from "../../src/web/urls.js";

const SECRET = "s3cret";

describe("repository page token", () => {
  it("verifies for the same repository in any letter case, and nothing else", () => {
    const token = repoPageToken(SECRET, "Octo", "Widgets");
    expect(verifyRepoPageToken(SECRET, "octo", "widgets", token)).toBe(true);
    expect(verifyRepoPageToken(SECRET, "octo", "gadgets", token)).toBe(false);
    expect(verifyRepoPageToken("other", "octo", "widgets", token)).toBe(false);
    expect(verifyRepoPageToken(SECRET, "octo", "widgets", null)).toBe(false);
    expect(verifyRepoPageToken("", "octo", "widgets", token)).toBe(false);
  });

  it("never stands in for a commit token, nor the reverse", () => {
    const sha = "a".repeat(40);
    expect(verifyPageToken(SECRET, "octo", "widgets", sha, repoPageToken(SECRET, "octo", "widgets"))).toBe(false);
    expect(verifyRepoPageToken(SECRET, "octo", "widgets", pageToken(SECRET, "octo", "widgets", sha))).toBe(false);
  });

  it("refuses to sign without a secret", () => {
    expect(() => repoPageToken("", "octo", "widgets")).toThrow(/without a secret/);
  });

  it("builds repository URLs with the token only for private repositories", () => {
    const settings = { publicUrl: "https://sift.example", pageSecret: SECRET };
    expect(repoUrl(settings, { owner: "octo", name: "widgets", private: false })).toBe("https://sift.example/r/octo/widgets");
    expect(repoUrl(settings, { owner: "octo", name: "secret", private: true })).toBe(`https://sift.example${repoPath("octo", "secret", repoPageToken(SECRET, "octo", "secret"))}`);
    expect(repoPath("a b", "c/d")).toBe("/r/a%20b/c%2Fd");
  });
});
