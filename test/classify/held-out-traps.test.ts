// Held-out style traps: the words of an infrastructure failure stand in the log, but the job failed
// for a reason of its own (a test about the error, a 4xx, a recovered warning, a version mismatch,
// a Windows file lock inside the build). Each must stay genuine and quote the genuine line.
import { describe, expect, it } from "vitest";
import { gha, jenkins, lineOf, verdictOf } from "./held-out-logs.js";

interface Trap {
  name: string;
  log: string;
  /** Text of the line the verdict must quote, or null when no line qualifies. */
  quote: string | null;
}

const traps: Trap[] = [
  {
    name: "a jest test about socket resets fails on its assertion",
    log: gha("npm test", [
      " FAIL  src/http/retry.test.ts",
      "  ● fetchWithRetry › gives up after Error: socket hang up three times",
      "",
      "    expect(received).toBe(expected) // Object.is equality",
      "",
      "    Expected: 3",
      "    Received: 2",
      "Tests:       1 failed, 41 passed, 42 total",
    ]),
    quote: "expect(received).toBe(expected)",
  },
  {
    name: "pytest asserts on a 503 the code under test returns",
    log: gha("pytest -q", [
      "FAILED tests/test_gateway.py::test_connection_reset_maps_to_503 - assert 502 == 503",
      "=================================== FAILURES ===================================",
      "______________________ test_connection_reset_maps_to_503 ______________________",
      ">       assert resp.status_code == 503",
      "E       assert 502 == 503",
      "E        +  where 502 = <Response [502]>.status_code",
      "tests/test_gateway.py:31: AssertionError",
      "========================= 1 failed, 87 passed in 4.12s =========================",
    ]),
    quote: "E       assert 502 == 503",
  },
  {
    name: "MSBuild cannot copy a file another build process holds (dotnet/aspnetcore#32219)",
    log: gha("dotnet build -c Release", [
      "D:\\a\\shop\\shop\\.dotnet\\sdk\\8.0.100\\Microsoft.Common.CurrentVersion.targets(4879,5): error MSB3027: Could not copy \"obj\\Release\\net8.0\\Shop.dll\" to \"bin\\Release\\net8.0\\Shop.dll\". Exceeded retry count of 10. Failed. The file is locked by: \"Shop.Tests (5512)\" [D:\\a\\shop\\shop\\src\\Shop\\Shop.csproj]",
      "    0 Warning(s)",
      "    1 Error(s)",
    ]),
    quote: "error MSB3027",
  },
  {
    name: "ESLint's own EMFILE check fails on macOS (eslint/eslint#18568)",
    log: gha("npm run test:emfile", [
      "> eslint@9.4.0 test:emfile",
      "> node tools/check-emfile-handling.js",
      "Generating 100000 files in tmp/emfile-check...",
      "Oops! Something went wrong! :(",
      "Error: EMFILE: too many open files, open '/Users/runner/work/eslint/eslint/tmp/emfile-check/file_23220.js'",
      "    at async open (node:internal/fs/promises:636:25)",
    ]),
    quote: "Error: EMFILE: too many open files",
  },
  {
    name: "Maven Central refuses plain HTTP (501, permanent)",
    log: gha("mvn -B verify", [
      "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.acme:app:jar:1.0: Could not transfer artifact org.acme:util:pom:1.0 from/to central (http://repo.maven.apache.org/maven2): Failed to transfer file: http://repo.maven.apache.org/maven2/org/acme/util/1.0/util-1.0.pom. Return code is: 501 , ReasonPhrase:HTTPS Required. -> [Help 1]",
    ]),
    quote: null,
  },
  {
    name: "buildx is refused a token (403) for a private base image (docker/build-push-action#628)",
    log: gha("docker/build-push-action@v5", ["#3 [internal] load metadata for ghcr.io/acme/base:1", "##[error]buildx failed with: ERROR: failed to solve: failed to fetch anonymous token: unexpected status: 403 Forbidden"], { exitCode: null }),
    quote: "failed to fetch anonymous token: unexpected status: 403 Forbidden",
  },
  {
    name: "ChromeDriver and Chrome disagree on the version (Selenium session not created)",
    log: gha("pytest tests/e2e", [
      "E   selenium.common.exceptions.SessionNotCreatedException: Message: session not created: This version of ChromeDriver only supports Chrome version 114",
      "E   Current browser version is 120.0.6099.109 with binary path /usr/bin/google-chrome",
      "ERROR tests/e2e/test_login.py::test_login - selenium.common.exceptions.SessionNotCreatedException",
    ]),
    quote: "This version of ChromeDriver only supports Chrome version 114",
  },
  {
    name: "apt warns about a mirror, then a package simply does not exist",
    log: gha("sudo apt-get update && sudo apt-get install -y libfoo-dev", [
      "W: Failed to fetch https://mirrors.acme.example/ubuntu/dists/noble/main/binary-amd64/Packages  Hash Sum mismatch",
      "Reading package lists...",
      "E: Unable to locate package libfoo-dev",
    ]),
    // apt's "E:" lines are not among the shapes a genuine verdict quotes (pick.ts): no line, still genuine.
    quote: null,
  },
  {
    name: "the cache save fails with 503 in post-job cleanup after a failing test",
    log: gha(
      "go test ./...",
      ["--- FAIL: TestTotal (0.00s)", "    sum_test.go:9: Total([1 2]) = 3, want 4", "FAIL", "FAIL\tgithub.com/acme/shop/sum\t0.004s"],
      { cleanup: ["##[warning]Failed to save: reserveCache failed: Cache service responded with 503", "[command]/usr/bin/git version"] },
    ),
    quote: "sum_test.go:9: Total([1 2]) = 3, want 4",
  },
  {
    name: "setup-python is asked for a version that does not exist",
    log: gha("actions/setup-python@v5", ["Installed versions", "  Version 3.7 was not found in the local cache", "##[error]Version 3.7 with arch x64 not found", "The list of all available versions can be found here: https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json"], { exitCode: null }),
    quote: "Version 3.7 with arch x64 not found",
  },
  {
    name: "npm cannot reach the job's own local registry (verdaccio in the test setup)",
    log: gha("npm publish --registry http://localhost:4873", ["npm ERR! code ECONNREFUSED", "npm ERR! request to http://localhost:4873/my-pkg failed, reason: connect ECONNREFUSED 127.0.0.1:4873"]),
    quote: null,
  },
  {
    name: "Jenkins: a Go test prints a proxy 502 it provoked, passes, and another test fails",
    log: jenkins([
      "+ go test -v ./...",
      "=== RUN   TestFetchRetriesOnBadGateway",
      "    fetch_test.go:40: reading https://proxy.golang.org/github.com/acme/x/@v/v1.0.0.info: 502 Bad Gateway (injected)",
      "--- PASS: TestFetchRetriesOnBadGateway (0.01s)",
      "=== RUN   TestParse",
      "    parse_test.go:17: Parse(\"1.2\") = 1.3, want 1.2",
      "--- FAIL: TestParse (0.00s)",
      "FAIL\tgithub.com/acme/x\t0.02s",
    ]),
    quote: "parse_test.go:17",
  },
];

describe("held-out style traps stay genuine", () => {
  it.each(traps.map((t) => [t.name, t] as const))("%s", (_name, t) => {
    const v = verdictOf(t.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("genuine");
    if (t.quote === null) expect(v.patternId).toMatch(/^sift\.genuine\./);
    else expect(v.line, v.matchedText).toBe(lineOf(t.log, t.quote));
  });
});
