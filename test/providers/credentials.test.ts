import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allProviders, createCredentialStore, loadCredentialStore, parseProvidersFile, ProvidersFileError } from "../../src/providers/index.js";

describe("provider credentials", () => {
  it("picks the organisation's entry, then '*', then the environment", () => {
    const table = parseProvidersFile('{"circleci": {"Acme": {"token": "a"}, "*": {"token": "any", "url": "https://circle.internal/"}}}', "p.json");
    const store = createCredentialStore(table, { SIFT_JENKINS_TOKEN: "j", SIFT_JENKINS_USER: "bot", SIFT_JENKINS_URL: "https://ci.acme.dev/" });
    expect(store.get("circleci", "acme")).toEqual({ token: "a" });
    expect(store.get("circleci", "other")).toEqual({ token: "any", url: "https://circle.internal" });
    expect(store.get("jenkins", "anyone")).toEqual({ token: "j", user: "bot", url: "https://ci.acme.dev" });
    expect(store.get("gitlab", "acme")).toBeUndefined();
  });

  it("reads YAML from SIFT_PROVIDERS_FILE and refuses a bad file naming the key", () => {
    const dir = mkdtempSync(join(tmpdir(), "sift-creds-"));
    try {
      const file = join(dir, "providers.yml");
      writeFileSync(file, "gitlab:\n  acme:\n    url: https://gitlab.acme.dev\n    token: glpat-x\n");
      expect(loadCredentialStore({ SIFT_PROVIDERS_FILE: file }).get("gitlab", "ACME")).toEqual({ url: "https://gitlab.acme.dev", token: "glpat-x" });
      const bad = (text: string) => () => parseProvidersFile(text, "f.yml");
      expect(bad("travis: {}")).toThrow(ProvidersFileError);
      expect(bad("travis: {}")).toThrow(/unknown provider "travis"/);
      expect(bad("gitlab: { acme: { url: https://x } }")).toThrow("f.yml: gitlab.acme: token is required");
      expect(bad("gitlab: { acme: { token: t, password: p } }")).toThrow(/unknown key "password"/);
      expect(bad("gitlab: { acme: { token: t, url: 'file:///etc' } }")).toThrow(/url: expected an http\(s\) URL/);
      expect(() => loadCredentialStore({ SIFT_PROVIDERS_FILE: join(dir, "missing.yml") })).toThrow(/cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("recognising statuses", () => {
  const which = (context: string, url: string) => allProviders.find((p) => p.recognise({ context, url, owner: "acme" }))?.id ?? null;
  it.each([
    ["ci/circleci: build", "https://app.circleci.com/pipelines/github/acme/app/12/workflows/5c0f5f5e-8a41-4b8e-9a3e-3f1d2c4b5a69/jobs/345", "circleci"],
    ["ci/circleci: build", "https://circleci.com/gh/acme/app/345?utm_campaign=vcs-integration-link", "circleci"],
    ["buildkite/app", "https://buildkite.com/acme/app/builds/5#0190046e-e199-453b-a302-a21a4d649d31", "buildkite"],
    ["continuous-integration/jenkins/pr-merge", "https://ci.acme.dev/job/acme/job/app/job/PR-7/12/display/redirect", "jenkins"],
    ["ci/gitlab/gitlab.com", "https://gitlab.com/acme/sub/app/-/pipelines/880", "gitlab"],
    ["buildbot/linux", "https://bb.acme.dev/#/builders/3/builds/41", "buildbot"],
    ["ci/circleci: build", "https://example.com/some/page", null],
    ["deploy/preview", "https://vercel.com/acme/app/abc", null],
    // a self-hosted server is known by its status context or its host's name, not by its URL's shape alone
    ["ci/build", "https://jenkins.acme.dev/job/app/12/", "jenkins"],
    ["ci/build", "https://gitlab.acme.dev/acme/app/-/jobs/9", "gitlab"],
    ["ci/linux", "https://buildbot.acme.dev/#/builders/3/builds/41", "buildbot"],
    ["deploy/preview", "https://ci.acme.dev/job/acme/job/app/12/", null],
    ["deploy/preview", "https://git.acme.dev/acme/app/-/pipelines/880", null],
    ["deploy/preview", "https://bb.acme.dev/#/builders/3/builds/41", null],
  ])("%s %s → %s", (context, url, id) => {
    expect(which(context, url)).toBe(id);
  });
});
