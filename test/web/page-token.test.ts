import { describe, expect, it } from "vitest";
import { detailsPath, detailsUrl, pageToken, verifyPageToken } from "../../src/web/index.js";
import { wantsJson } from "../../src/web/details-json.js";

const sha = "a".repeat(40);

describe("signed page links", () => {
  it("verifies its own token, case-insensitively in owner and repo, and nothing else", () => {
    const token = pageToken("s3cret", "Octo", "Widgets", sha);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(verifyPageToken("s3cret", "octo", "widgets", sha, token)).toBe(true);
    expect(verifyPageToken("s3cret", "octo", "widgets", "b".repeat(40), token)).toBe(false);
    expect(verifyPageToken("other", "octo", "widgets", sha, token)).toBe(false);
    expect(verifyPageToken("s3cret", "octo", "widgets", sha, token.slice(1))).toBe(false);
    expect(verifyPageToken("s3cret", "octo", "widgets", sha, null)).toBe(false);
  });

  it("fails closed without a secret", () => {
    expect(verifyPageToken("", "octo", "widgets", sha, "anything")).toBe(false);
    expect(() => pageToken("", "octo", "widgets", sha)).toThrow(/SIFT_PAGE_SECRET/);
  });

  it("builds details URLs, with the token only for private repositories", () => {
    const settings = { publicUrl: "https://sift.example", pageSecret: "s3cret" };
    expect(detailsPath("octo", "my repo", sha)).toBe(`/r/octo/my%20repo/commit/${sha}`);
    expect(detailsUrl(settings, { owner: "octo", name: "widgets", private: false }, sha)).toBe(`https://sift.example/r/octo/widgets/commit/${sha}`);
    expect(detailsUrl(settings, { owner: "octo", name: "widgets", private: true }, sha)).toBe(
      `https://sift.example/r/octo/widgets/commit/${sha}?token=${pageToken("s3cret", "octo", "widgets", sha)}`,
    );
  });

  it("serves JSON only when asked for it", () => {
    const url = new URL("http://x/r/o/r/commit/s");
    expect(wantsJson("application/json", url)).toBe(true);
    expect(wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", url)).toBe(false);
    expect(wantsJson(undefined, url)).toBe(false);
    expect(wantsJson(undefined, new URL("http://x/?format=json"))).toBe(true);
  });
});
