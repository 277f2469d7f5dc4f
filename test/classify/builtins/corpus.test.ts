// The built-ins against the real logs of ../shared/corpus: every infrastructure log is caught by the
// pattern that names its cause, and no genuine log is touched by any built-in, on any line.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusLogs, readCorpusFile } from "../../helpers/corpus.js";
import { builtinHits, compileBuiltins } from "./line-match.js";

const compiled = compileBuiltins();

/** pytorch fixtures carry in-band markers (see logs/pytorch/PROVENANCE.md): drop them first. */
function withoutPytorchMarkers(text: string): string {
  return text
    .split("\n")
    .filter((l) => !l.startsWith("#=SOURCE=#"))
    .map((l) => l.replace(/^#=MATCH=# /, "").replace(/[‹›]/g, ""))
    .join("\n");
}

function idsIn(path: string): string[] {
  const text = readCorpusFile(path);
  return [...new Set(builtinHits(compiled, path.includes("/pytorch/") ? withoutPytorchMarkers(text) : text).map((h) => h.id))].sort();
}

/** Exactly which built-ins fire on each log; PROVENANCE.md says what each log shows. */
const expected: Record<string, Record<string, string[]>> = {
  infra: {
    "gha-apache-dubbo-operation-was-canceled.raw.log": ["gha.operation-canceled"],
    "gha-docker-action-git-unsafe-repository.raw.log": ["git.unsafe-repository"],
    "jenkins-agent-channel-orderly-shutdown-astor.log": ["jenkins.agent-lost"],
    "jenkins-git-clone-http-503-assertfixer.log": ["git.http-5xx", "jenkins.git-fetch"],
    "jenkins-git-clone-http-503-spork.log": ["git.http-5xx", "jenkins.git-fetch"],
    "jenkins-maven-repo-503-plugin-resolution-mimecraft.log": ["maven.transfer"],
    "jenkins-no-space-left-on-device-checkout-nopol.log": ["disk.full"],
    "jenkins-no-space-left-on-device-surefire-sorald.log": ["disk.full"],
    "jenkins-nodejs-git-fetch-failure.txt": ["git.ssh-connect", "jenkins.git-fetch"],
    "jenkins-nodejs-git-rebase-dirty-workspace.txt": ["git.dirty-workspace"],
    "jenkins-nodejs-no-c-compiler-osx.txt": ["agent.no-c-compiler"],
    "taskcluster-mochitest-max-run-time-exceeded.log": ["taskcluster.max-run-time"],
    "travis-emacs-package-archive-connection-failure.log": ["net.unreachable"],
    "travis-git-clone-empty-reply-from-server.log": ["git.unable-to-access"],
  },
  "flaky-test": {
    "gha-apache-nifi-sftp-test-connection-reset.raw.log": ["net.connection-reset"],
    "gha-josm-network-dependent-test-connect-timeout.raw.log": ["net.timeout"],
    "jenkins-nodejs-js-flake-inspector-port-zero-cluster.txt": ["node.inspector-port-in-use"],
    // Vim's own runner marks Test_quotestar flaky; that list belongs in vim's .github/sift.yml, not here.
    "travis-vim-flaky-test-quotestar-retried.log": [],
  },
  pytorch: {
    "gha_cancellation_shutdown.txt": ["gha.runner-shutdown"],
    "infra_osdc_pod_failure.txt": ["gha.runner-pod"],
    "uv_python_download_failed.txt": ["net.dns", "uv.fetch"],
    // A step that ran into its timeout-minutes: re-run at most once (max_attempts 2), see timeouts.ts.
    "gha_timeout.txt": ["gha.step-timeout"],
    // Genuine failures, or pytorch's own test-runner timeout (a hang in a test file): no built-in.
    "compile_error.txt": [],
    "lint_lintrunner.txt": [],
    "pytest_failures_section.txt": [],
    "python_importerror_name.txt": [],
    "test_file_timeout.txt": [],
    "unittest_failed_consistently.txt": [],
  },
  unknown: {
    "buildkite-bash-example-succeeded.raw.log": [],
    "gha-apache-beam-go-test-context-timeout.raw.log": [],
    "jenkins-upstream-snapshot-class-file-version-jperturb.log": [],
    "taskcluster-mochitest-unexpected-fail-devtools.log": [],
    // Known problem: the server refuses the job's old TLS; re-running cannot help.
    "travis-maven-repo-tls-protocol-version.log": ["net.tls-protocol-version"],
    // A CI no-output timeout: its own verdict, re-run at most once.
    "travis-no-output-10-minutes-terminated.log": ["travis.no-output"],
  },
};

describe.each(Object.entries(expected))("corpus logs/%s", (folder, files) => {
  it("lists every log of the folder (a new log needs an expectation)", () => {
    expect(corpusLogs(folder).map((p) => basename(p))).toEqual(Object.keys(files).sort());
  });
  it.each(Object.entries(files))("%s → %j", (file, ids) => {
    const path = corpusLogs(folder).find((p) => basename(p) === file);
    expect(path, file).toBeDefined();
    expect(idsIn(path as string)).toEqual(ids);
  });
});

describe("corpus logs/genuine", () => {
  it.each(corpusLogs("genuine").map((p) => [basename(p), p]))("no built-in matches any line of %s", (_name, path) => {
    const hits = builtinHits(compiled, readCorpusFile(path));
    expect(hits).toEqual([]);
  });
  it("has the 13 genuine logs the provenance lists", () => {
    expect(corpusLogs("genuine")).toHaveLength(13);
  });
});
