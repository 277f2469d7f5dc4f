// Red-team traps: logs built to make the classifier call a genuine failure flaky or quote the wrong
// line. The words of an infrastructure failure stand where they explain nothing — a test's own log
// of a fault it injected, a test's name, a set -x trace, the step's script, a printed config, a
// recovered retry, a continue-on-error step — and the job failed on the code's own error. Each must
// stay genuine and quote that error. A few controls check that the real thing is still flaky.
import { describe, expect, it } from "vitest";
import { buildkite, gha, gitlab, jenkins, lineOf, verdictOf } from "./held-out-logs.js";

interface Trap {
  name: string;
  log: string;
  /** Text of the line the verdict must quote, or null when no line qualifies. */
  quote: string | null;
}

const ESC = "\x1b";

const traps: Trap[] = [
  // --- A test that logs or asserts on infrastructure words (RULES.md §3, exception 2 narrowed) ---
  {
    name: "go: a test logs the connection reset it injected, then fails on a count",
    log: gha("go test ./...", [
      "=== RUN   TestClientRetries",
      "    client_test.go:41: injecting fault: read tcp 10.1.0.4:51234->140.82.112.3:443: read: connection reset by peer",
      "    client_test.go:47: got 2 attempts, want 3",
      "--- FAIL: TestClientRetries (0.01s)",
      "FAIL",
      "FAIL\tgithub.com/acme/shop/client\t0.214s",
    ]),
    quote: "client_test.go:47: got 2 attempts, want 3",
  },
  {
    name: "go: a disk-full handler's test prints the ENOSPC it simulated, then asserts",
    log: gha("go test ./store/...", [
      "=== RUN   TestWriterDiskFull",
      "    writer_test.go:30: simulated write error: write /tmp/store-123/seg.0: no space left on device",
      "    writer_test.go:34: err = <nil>, want ErrDiskFull",
      "--- FAIL: TestWriterDiskFull (0.00s)",
      "FAIL\tgithub.com/acme/shop/store\t0.031s",
    ]),
    quote: "writer_test.go:34: err = <nil>, want ErrDiskFull",
  },
  {
    name: "mocha: a failing test named after read ECONNRESET fails on a value",
    log: gha("npm test", [
      "> shop@1.0.0 test",
      "> mocha",
      "  41 passing (812ms)",
      "  1 failing",
      "",
      "  1) http client",
      "       retries after read ECONNRESET:",
      "",
      "      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
      "",
      "2 !== 3",
      "",
      "      at Context.<anonymous> (test/client.test.js:31:12)",
    ]),
    quote: "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
  },
  {
    name: "RSpec: an example named after Connection reset by peer fails on its expectation",
    log: gha("bundle exec rspec", [
      "Failures:",
      "",
      "  1) Uploader retries when the server says Connection reset by peer",
      "     Failure/Error: expect(uploader.attempts).to eq(3)",
      "",
      "       expected: 3",
      "            got: 1",
      "     # ./spec/uploader_spec.rb:22:in `block (2 levels) in <top (required)>'",
      "",
      "Finished in 0.412 seconds (files took 1.2 seconds to load)",
      "57 examples, 1 failure",
    ]),
    quote: "Failure/Error: expect(uploader.attempts).to eq(3)",
  },
  {
    name: "pytest -s: the code under test logs a name-resolution failure, the test asserts the fallback",
    log: gha("pytest -s -v", [
      "tests/test_sync.py::test_offline_mode_falls_back fetch failed: [Errno -3] Temporary failure in name resolution",
      "FAILED",
      "=================================== FAILURES ===================================",
      "_________________________ test_offline_mode_falls_back _________________________",
      ">       assert source == \"cache\"",
      "E       AssertionError: assert 'remote' == 'cache'",
      "tests/test_sync.py:22: AssertionError",
      "=========================== short test summary info ============================",
      "FAILED tests/test_sync.py::test_offline_mode_falls_back - AssertionError: assert 'remote' == 'cache'",
      "========================= 1 failed, 63 passed in 3.02s =========================",
    ]),
    quote: "E       AssertionError: assert 'remote' == 'cache'",
  },
  {
    name: "pytest: a captured log with a name-resolution failure after the assertion",
    log: gha("pytest", [
      "=================================== FAILURES ===================================",
      "_________________________ test_mirror_fallback _________________________",
      ">       assert mirror.used == \"secondary\"",
      "E       AssertionError: assert 'primary' == 'secondary'",
      "tests/test_mirror.py:48: AssertionError",
      "------------------------------ Captured log call -------------------------------",
      "WARNING  shop.mirror:mirror.py:40 primary failed: [Errno -3] Temporary failure in name resolution",
      "=========================== short test summary info ============================",
      "FAILED tests/test_mirror.py::test_mirror_fallback - AssertionError: assert 'primary' == 'secondary'",
      "========================= 1 failed, 12 passed in 1.02s =========================",
    ]),
    quote: "E       AssertionError: assert 'primary' == 'secondary'",
  },
  {
    name: "jest: console.error of an ECONNRESET the test provoked, then a toEqual failure",
    log: gha("npx jest", [
      " FAIL  src/db/pool.test.ts",
      "  ● Pool › reports the outage after retries",
      "",
      "    expect(received).toEqual(expected) // deep equality",
      "",
      "    Expected: \"down\"",
      "    Received: \"up\"",
      "",
      "  ● Console",
      "",
      "    console.error",
      "      Error: read ECONNRESET",
      "          at TCP.onStreamRead (node:internal/stream_base_commons:217:20)",
      "",
      "Tests:       1 failed, 88 passed, 89 total",
    ]),
    quote: "expect(received).toEqual(expected)",
  },
  {
    name: "jest: a console.warn with socket hang up printed above the failing test",
    log: gha("npx jest", [
      "  console.warn",
      "    upstream error: Error: socket hang up",
      "      at src/proxy.ts:40:13",
      "",
      " FAIL  src/proxy.test.ts",
      "  ● proxy › maps upstream errors to 502",
      "",
      "    expect(received).toBe(expected) // Object.is equality",
      "",
      "    Expected: 502",
      "    Received: 500",
      "Tests:       1 failed, 12 passed, 13 total",
    ]),
    quote: "expect(received).toBe(expected)",
  },
  {
    name: "go: a registry client test mocks a 503 from registry.npmjs.org and checks the error text",
    log: gha("go test ./registry/...", [
      "=== RUN   TestFetchManifest_ServerError",
      "    fetch_test.go:62: npm ERR! code E503 (served by the test double)",
      "    fetch_test.go:66: error = \"giving up\", want it to mention 503 Service Unavailable",
      "--- FAIL: TestFetchManifest_ServerError (0.00s)",
      "FAIL\tgithub.com/acme/shop/registry\t0.012s",
    ]),
    quote: "fetch_test.go:66",
  },
  {
    name: "cargo: a test prints the io error it injected, then an assertion panics",
    log: gha("cargo test", [
      "running 12 tests",
      "test store::tests::full_disk ... FAILED",
      "",
      "failures:",
      "",
      "---- store::tests::full_disk stdout ----",
      "write failed: No space left on device (os error 28)",
      "thread 'store::tests::full_disk' panicked at src/store.rs:88:9:",
      "assertion `left == right` failed",
      "  left: Ok(())",
      " right: Err(StorageFull)",
      "",
      "test result: FAILED. 11 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.02s",
      "error: test failed, to rerun pass `--lib`",
    ]),
    quote: "thread 'store::tests::full_disk' panicked at src/store.rs:88:9:",
  },
  // --- Infrastructure words where they are not output: the script, traces, printed files ---
  {
    name: "the step's script in the Run group names a DNS failure it handles",
    log: gha("./scripts/fetch-fixtures.sh || echo \"Could not resolve host: fixtures.acme.io, using cache\"", ["Error: expected 3 fixture files, found 2"], {
      command: [
        "./scripts/fetch-fixtures.sh || echo \"Could not resolve host: fixtures.acme.io, using cache\"",
        "shell: /usr/bin/bash -e {0}",
      ],
    }),
    quote: "Error: expected 3 fixture files, found 2",
  },
  {
    name: "set -x traces a grep for a connection reset in a tool's log",
    log: jenkins([
      "+ make integration",
      "+ grep -q 'Connection reset by peer' build/upload.log",
      "+ echo 'no resets recorded'",
      "no resets recorded",
      "+ ./bin/check-artifacts",
      "Error: artifact shop-linux-amd64.tar.gz is missing from dist/",
    ]),
    quote: "Error: artifact shop-linux-amd64.tar.gz is missing from dist/",
  },
  {
    name: "a printed retry config lists the errors it retries",
    log: gha("./ci/deploy-plan.sh", [
      "+ cat terragrunt.hcl",
      "retryable_errors = [",
      "  \"(?s).*Connection reset by peer.*\",",
      "  \"(?s).*Temporary failure in name resolution.*\",",
      "]",
      "+ terragrunt plan",
      "│ Error: Unsupported argument",
      "│ ",
      "│   on main.tf line 12, in resource \"aws_s3_bucket\" \"logs\":",
      "│   12:   acl_policy = \"private\"",
    ]),
    quote: "│ Error: Unsupported argument",
  },
  {
    name: "a git log printed by the job mentions a timeout fix",
    log: gha("./ci/release-notes.sh", [
      "+ git log --oneline -3",
      "a1b2c3d Retry uploads on java.net.SocketTimeoutException: Read timed out",
      "9f8e7d6 Bump version",
      "+ ./gradlew :release:notes",
      "> Task :release:notes FAILED",
      "",
      "FAILURE: Build failed with an exception.",
      "",
      "* What went wrong:",
      "Execution failed for task ':release:notes'.",
      "> Version 1.4.0 is already tagged",
    ]),
    quote: "> Version 1.4.0 is already tagged",
  },
  {
    name: "a compiler error quotes source text holding network words",
    log: gha("cargo build", [
      "   Compiling shop v0.1.0 (/home/runner/work/shop/shop)",
      "error[E0308]: mismatched types",
      "  --> src/net.rs:41:20",
      "   |",
      "41 |     let code: u32 = \"Connection reset by peer\";",
      "   |               ---   ^^^^^^^^^^^^^^^^^^^^^^^^^^ expected `u32`, found `&str`",
      "error: could not compile `shop` (lib) due to 1 previous error",
    ]),
    quote: "error[E0308]: mismatched types",
  },
  {
    name: "gcc quotes an error message string under a syntax error",
    log: gha("make", [
      "cc -O2 -c src/net.c -o build/net.o",
      "src/net.c:41:56: error: expected ';' before 'return'",
      "   41 |     perror(\"connect: Network is unreachable\")",
      "      |                                                        ^",
      "make: *** [Makefile:12: build/net.o] Error 1",
    ]),
    quote: "src/net.c:41:56: error: expected ';' before 'return'",
  },
  // --- Recovered retries and warnings, then the code's own failure ---
  {
    name: "pip retried a reset connection, installed, and pytest failed on an assertion",
    log: gha("pip install -r requirements.txt && pytest", [
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ProtocolError('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))': /simple/requests/",
      "Collecting requests==2.32.3",
      "  Downloading requests-2.32.3-py3-none-any.whl (64 kB)",
      "Successfully installed requests-2.32.3",
      "============================= test session starts ==============================",
      "tests/test_cart.py F                                                       [100%]",
      "=================================== FAILURES ===================================",
      "________________________________ test_total ____________________________________",
      "E       assert 107 == 108",
      "tests/test_cart.py:9: AssertionError",
      "========================= 1 failed in 0.12s =========================",
    ]),
    quote: "E       assert 107 == 108",
  },
  {
    name: "pip retried the network, then found no such version (a typo in the pin)",
    log: gha("pip install -r requirements.txt", [
      "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='pypi.org', port=443): Read timed out. (read timeout=15)\")': /simple/reqeusts/",
      "ERROR: Could not find a version that satisfies the requirement reqeusts==2.32.3 (from versions: none)",
      "ERROR: No matching distribution found for reqeusts==2.32.3",
    ]),
    quote: null,
  },
  {
    name: "docker pull retried a reset, the build then failed in npm ci",
    log: gha("docker build -t shop .", [
      "#2 [internal] load metadata for docker.io/library/node:20",
      "#2 ERROR: failed to do request: Head \"https://registry-1.docker.io/v2/library/node/manifests/20\": read tcp 10.1.0.4:41234->54.236.113.205:443: read: connection reset by peer, retrying in 2s",
      "#2 DONE 3.4s",
      "#7 [4/6] RUN npm ci",
      "#7 3.104 npm ERR! code ETARGET",
      "#7 3.105 npm ERR! notarget No matching version found for left-pad@9.9.9.",
      "#7 ERROR: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1",
    ]),
    quote: "No matching version found for left-pad@9.9.9.",
  },
  {
    name: "npm WARN about a tarball retry, then tsc fails",
    log: gha("npm ci && npm run build", [
      "npm WARN tarball tarball data for lodash@4.17.21 seems to be corrupted. Trying again.",
      "npm WARN network request to https://registry.npmjs.org/lodash failed, reason: read ECONNRESET",
      "added 812 packages in 21s",
      "> shop@1.0.0 build",
      "> tsc -p .",
      "src/cart.ts(14,7): error TS2322: Type 'string' is not assignable to type 'number'.",
    ]),
    quote: "src/cart.ts(14,7): error TS2322",
  },
  // --- Steps that do not decide ---
  {
    name: "a continue-on-error step hit a DNS error; the test step fails on its own",
    log: gha(
      "npm test",
      [" FAIL  src/cart.test.ts", "  ● cart › totals", "", "    expect(received).toBe(expected) // Object.is equality", "Tests:       1 failed, 3 passed, 4 total"],
      {
        before: [
          "##[group]Run curl -fsS https://status.acme.io/ping",
          "curl -fsS https://status.acme.io/ping",
          "##[endgroup]",
          "curl: (6) Could not resolve host: status.acme.io",
          "##[error]Process completed with exit code 6.",
        ],
      },
    ),
    quote: "expect(received).toBe(expected)",
  },
  {
    name: "Post job cleanup resets a connection after a Go assertion",
    log: gha("go test ./...", ["--- FAIL: TestSum (0.00s)", "    sum_test.go:9: Sum(2, 2) = 5, want 4", "FAIL\tgithub.com/acme/shop\t0.01s"], {
      cleanup: ["[command]/usr/bin/docker logout ghcr.io", "Error: read tcp 10.1.0.4:5555->140.82.112.3:443: read: connection reset by peer"],
    }),
    quote: "sum_test.go:9: Sum(2, 2) = 5, want 4",
  },
  {
    name: "GitLab: after_script's upload cannot resolve the host; the script's test failed",
    log: gitlab(["$ pytest", "E       assert 3 == 4", "tests/test_sum.py:9: AssertionError", "========================= 1 failed in 0.05s ========================="], {
      afterScript: ["$ curl -fsS -T report.xml https://reports.acme.io/upload", "curl: (6) Could not resolve host: reports.acme.io"],
    }),
    quote: "E       assert 3 == 4",
  },
  // --- Memory: the process's own limit stays genuine ---
  {
    name: "node hits its own heap limit during a build (exit 134), not the OS",
    log: gha("npm run build", [
      "<--- Last few GCs --->",
      "[2212:0x6a1b000]    48211 ms: Mark-Compact 2040.1 (2082.5) -> 2039.2 (2083.2) MB, 1421.33 / 0.00 ms  (average mu = 0.09, current mu = 0.01) allocation failure",
      "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
      " 1: 0xb7a940 node::Abort() [node]",
      "Aborted (core dumped)",
      "npm ERR! code ELIFECYCLE",
    ], { exitCode: 134 }),
    quote: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
  },
  {
    name: "a JVM test exhausts its own -Xmx heap",
    log: gha("./gradlew test", [
      "CacheTest > loadsAll() FAILED",
      "    java.lang.OutOfMemoryError: Java heap space",
      "        at com.acme.Cache.load(Cache.java:41)",
      "",
      "1 test completed, 1 failed",
      "> Task :test FAILED",
    ]),
    quote: "java.lang.OutOfMemoryError: Java heap space",
  },
  {
    name: "a value assertion about a timeout setting after an injected i/o timeout stays genuine",
    log: gha("go test ./...", [
      "=== RUN   TestBackoff",
      "    backoff_test.go:18: fake dial: dial tcp 10.9.8.7:443: i/o timeout",
      "    backoff_test.go:22: timeout = 0s, want 30s",
      "--- FAIL: TestBackoff (0.00s)",
      "FAIL\tgithub.com/acme/shop/backoff\t0.01s",
    ]),
    quote: "backoff_test.go:22: timeout = 0s, want 30s",
  },
  {
    name: "Gradle: a JUnit display name with Connection reset by peer fails on its assertion",
    log: gha("./gradlew test", [
      "RetryTest > retries when Connection reset by peer FAILED",
      "    org.opentest4j.AssertionFailedError: expected: <3> but was: <1>",
      "        at app//com.acme.RetryTest.retries(RetryTest.java:41)",
      "",
      "12 tests completed, 1 failed",
      "> Task :test FAILED",
    ]),
    quote: "org.opentest4j.AssertionFailedError: expected: <3> but was: <1>",
  },
  {
    name: "unittest -v prints a docstring naming a connection reset above the failure",
    log: gha("python -m unittest -v", [
      "test_reset (tests.test_client.ClientTest.test_reset)",
      "Retries when the server says Connection reset by peer. ... FAIL",
      "======================================================================",
      "FAIL: test_reset (tests.test_client.ClientTest.test_reset)",
      "----------------------------------------------------------------------",
      "Traceback (most recent call last):",
      "  File \"/home/runner/work/shop/shop/tests/test_client.py\", line 30, in test_reset",
      "    self.assertEqual(client.attempts, 3)",
      "AssertionError: 1 != 3",
      "----------------------------------------------------------------------",
      "Ran 14 tests in 0.021s",
      "FAILED (failures=1)",
    ]),
    quote: "AssertionError: 1 != 3",
  },
  {
    name: "a pytest parametrize id holds a network error, the assertion is the code's",
    log: gha("pytest", [
      "FAILED tests/test_classify.py::test_kind[Connection reset by peer] - assert 'genuine' == 'flaky'",
      "========================= 1 failed, 30 passed in 0.40s =========================",
    ]),
    quote: "FAILED tests/test_classify.py::test_kind[Connection reset by peer]",
  },
  {
    name: "the step's env in the Run group names an error to retry on",
    log: gha("npm test", [" FAIL  src/upload.test.ts", "  ● upload › sends the file", "", "    expect(received).toBe(expected) // Object.is equality", "Tests:       1 failed, 5 passed, 6 total"], {
      command: ["npm test", "shell: /usr/bin/bash -e {0}", "env:", "  RETRY_ON: read ECONNRESET", "  UPLOAD_HOST: uploads.acme.io"],
    }),
    quote: "expect(received).toBe(expected)",
  },
  {
    name: "git diff --exit-code shows generated code that maps network errors, out of date",
    log: gha("npm run generate && git diff --exit-code", [
      "diff --git a/src/errors.gen.ts b/src/errors.gen.ts",
      "index 1a2b3c4..5d6e7f8 100644",
      "--- a/src/errors.gen.ts",
      "+++ b/src/errors.gen.ts",
      "@@ -10,3 +10,4 @@ export const retryable = {",
      "   ECONNRESET: \"retry\",",
      "+  \"Connection reset by peer\": \"retry\",",
      "+  \"Temporary failure in name resolution\": \"retry\",",
      " };",
    ]),
    quote: null,
  },
  {
    name: "yarn warns of network trouble and retries, then a jest assertion fails",
    log: gha("yarn install && yarn test", [
      "info There appears to be trouble with your network connection. Retrying...",
      "[4/4] Building fresh packages...",
      "Done in 31.20s.",
      "$ jest",
      " FAIL  src/cart.test.ts",
      "  ● cart › applies the discount",
      "",
      "    expect(received).toBe(expected) // Object.is equality",
      "Tests:       1 failed, 22 passed, 23 total",
    ]),
    quote: "expect(received).toBe(expected)",
  },
  {
    name: "Next.js inside docker build runs out of its own heap (exit 134)",
    log: gha("docker build -t web .", [
      "#11 [builder 6/6] RUN npm run build",
      "#11 2.104 > web@1.0.0 build",
      "#11 2.105 > next build",
      "#11 95.31 FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
      "#11 95.32 Aborted (core dumped)",
      "#11 ERROR: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 134",
    ]),
    quote: "FATAL ERROR: Reached heap limit",
  },
  {
    name: "node quotes the throwing source line above its caret; the assertion below is the error",
    log: gha("node test/cart.js", [
      "/home/runner/work/shop/shop/test/cart.js:12",
      "    throw new AssertionError({ message: 'total is 107, want 108' });",
      "    ^",
      "",
      "AssertionError [ERR_ASSERTION]: total is 107, want 108",
      "    at Object.<anonymous> (/home/runner/work/shop/shop/test/cart.js:12:11)",
      "Node.js v20.18.1",
    ]),
    quote: "AssertionError [ERR_ASSERTION]: total is 107, want 108",
  },
  {
    name: "a continue-on-error step timed out earlier; the failing step's own error decides and is quoted",
    log: gha("node scripts/check.js", ["Error: Cannot find module './config'", "Require stack:", "- /home/runner/work/shop/shop/scripts/check.js"], {
      before: ["##[group]Run npm run smoke", "npm run smoke", "##[endgroup]", "> smoke", "waiting for staging...", "##[error]The action 'Smoke test (optional)' has timed out after 5 minutes."],
    }),
    quote: "Error: Cannot find module './config'",
  },
  {
    name: "GitLab echoes a command holding a curl error it tolerates; the lockfile check fails",
    log: gitlab([
      "$ curl -fsS https://mirror.acme.io/ping || echo \"curl: (7) Failed to connect to mirror.acme.io port 443: Connection timed out\"",
      "ok",
      "$ ./check-lockfile.sh",
      "Error: lockfile is out of date",
    ]),
    quote: "Error: lockfile is out of date",
  },
  {
    name: "Jenkins pipeline: a quota test simulates a full disk, then fails on its value",
    log: jenkins([
      "[Pipeline] sh",
      "+ make test",
      "go test ./...",
      "=== RUN   TestQuota",
      "    quota_test.go:12: simulated: write /data/q: no space left on device",
      "    quota_test.go:15: used = 0, want 4096",
      "--- FAIL: TestQuota (0.00s)",
      "FAIL\tgithub.com/acme/q\t0.01s",
      "make: *** [Makefile:4: test] Error 1",
      "[Pipeline] }",
    ]),
    quote: "quota_test.go:15: used = 0, want 4096",
  },
  {
    name: "node's own heap limit, then a wrapper's exit code 137, stays genuine (RULES.md §5)",
    log: gha("npx jest", ["<--- JS stacktrace --->", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", " 1: 0xb7a940 node::Abort() [node]"], { exitCode: 137 }),
    quote: "FATAL ERROR: Reached heap limit",
  },
  {
    name: "the script kills its own background server (set -x shows kill -9); the scenarios failed",
    log: gha("./ci/e2e.sh", [
      "+ SERVER_PID=4242",
      "+ npx cucumber-js",
      "14 scenarios (2 failed, 12 passed)",
      "+ kill -9 4242",
      "./ci/e2e.sh: line 30:  4242 Killed                  npm run serve",
      "+ exit 1",
    ]),
    quote: null,
  },
  // --- Formats: colours, CRLF, timestamps, long lines, unicode ---
  {
    name: "Buildkite (CRLF, ANSI): a go test logs an i/o timeout it injected, then fails its check",
    log: buildkite([
      "$ go test ./...",
      "=== RUN   TestDialer",
      `    dialer_test.go:20: ${ESC}[33mfake dial: dial tcp 10.9.8.7:443: i/o timeout${ESC}[0m`,
      `    dialer_test.go:24: ${ESC}[31mgot backoff 0s, want 2s${ESC}[0m`,
      "--- FAIL: TestDialer (0.00s)",
      "FAIL\tgithub.com/acme/shop/dial\t0.01s",
    ]),
    quote: "dialer_test.go:24",
  },
  {
    name: "jest in colour: a test named ECONNREFUSED fails on its matcher",
    log: gha("npx jest --colors", [
      `${ESC}[0m${ESC}[7m${ESC}[1m${ESC}[31m FAIL ${ESC}[39m${ESC}[22m${ESC}[27m${ESC}[0m src/db.test.ts`,
      `${ESC}[1m${ESC}[31m  ${ESC}[1m● ${ESC}[22m${ESC}[1mdb › surfaces connect ECONNREFUSED 10.0.0.5:5432 to the caller${ESC}[39m${ESC}[22m`,
      "",
      `    ${ESC}[2mexpect(${ESC}[22m${ESC}[31mreceived${ESC}[39m${ESC}[2m).${ESC}[22mtoThrow${ESC}[2m(${ESC}[22m${ESC}[32mexpected${ESC}[39m${ESC}[2m)${ESC}[22m`,
      "Tests:       1 failed, 9 passed, 10 total",
    ]),
    quote: "toThrow",
  },
  {
    name: "a very long JSON line a test printed holds a reset, and the assertion follows",
    log: gha("pytest -s", [
      "tests/test_feed.py::test_feed_retries " + JSON.stringify({ events: Array.from({ length: 1000 }, (_, i) => ({ id: i, note: i === 999 ? "upstream: Connection reset by peer" : "ok" })) }),
      "FAILED",
      "=================================== FAILURES ===================================",
      "_________________________________ test_feed_retries _________________________________",
      "E       assert 999 == 1000",
      "tests/test_feed.py:30: AssertionError",
    ]),
    quote: "E       assert 999 == 1000",
  },
  {
    name: "unicode: a vitest test titled with an emoji and ENOSPC fails on its value",
    log: gha("npx vitest run", [
      " ❯ src/store.test.ts (3 tests | 1 failed) 12ms",
      "   × store > 💾 reports ENOSPC: no space left on device as DiskFull 5ms",
      "     → expected 'Unknown' to be 'DiskFull' // Object.is equality",
      "",
      " FAIL  src/store.test.ts > store > 💾 reports ENOSPC: no space left on device as DiskFull",
      "AssertionError: expected 'Unknown' to be 'DiskFull' // Object.is equality",
      " ❯ src/store.test.ts:22:31",
      " Test Files  1 failed (1)",
    ]),
    quote: "AssertionError: expected 'Unknown' to be 'DiskFull'",
  },
  {
    name: "Jenkins with timestamps: a wrapper's exit lines after a genuine compile error",
    log: jenkins(
      [
        "+ mvn -B -q compile",
        "[ERROR] /home/jenkins/workspace/shop-ci/src/main/java/com/acme/Cart.java:[42,46] cannot find symbol",
        "[ERROR]   symbol:   method totl()",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project shop: Compilation failure",
        "[ERROR] -> [Help 1]",
        "ERROR: script returned exit code 1",
      ],
      { timestamps: true },
    ),
    quote: "Cart.java:[42,46] cannot find symbol",
  },
];

describe("red-team traps stay genuine", () => {
  it.each(traps.map((t) => [t.name, t] as const))("%s", (_name, t) => {
    const v = verdictOf(t.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("genuine");
    if (t.quote === null) expect(v.patternId).toMatch(/^sift\.genuine\./);
    else expect(v.line, v.matchedText).toBe(lineOf(t.log, t.quote));
  });
});

/** The real thing stays flaky: the narrowed rules must not hide a true infrastructure failure. */
const controls: { name: string; log: string; pattern: string }[] = [
  {
    name: "node's inspector loses a port race and the worker aborts (SIGABRT): a consequence",
    log: gha("python tools/test.py", [
      "not ok 2178 sequential/test-inspector-port-zero-cluster",
      "  ---",
      "  duration_ms: 0.272",
      "  severity: fail",
      "  stack: |-",
      "    Starting inspector on 127.0.0.1:45802 failed: address already in use",
      "    node: ../deps/uv/src/unix/core.c:117: uv_close: Assertion `!uv__is_closing(handle)' failed.",
      "    assert.js:80",
      "      throw new AssertionError(obj);",
      "      ^",
      "    ",
      "    AssertionError [ERR_ASSERTION]: code: null, signal: SIGABRT",
      "        at Worker.worker.on.common.mustCall (/home/iojs/test/sequential/test-inspector-port-zero-cluster.js:20:16)",
      "  ...",
    ]),
    pattern: "node.inspector-port-in-use",
  },
  {
    name: "curl's own output under its command in the Run header still counts",
    log: gha("curl -fsSL https://nodejs.org/dist/index.json -o index.json", ["curl: (6) Could not resolve host: nodejs.org"], {
      command: ["curl -fsSL https://nodejs.org/dist/index.json -o index.json", "shell: /usr/bin/bash -e {0}"],
    }),
    pattern: "net.dns",
  },
  {
    name: "a go test that reaches the real network and fails on the lookup",
    log: gha("go test ./...", [
      "=== RUN   TestFetch",
      "    fetch_test.go:20: Get \"https://api.github.com/repos/acme/x\": dial tcp: lookup api.github.com on 127.0.0.53:53: server misbehaving",
      "--- FAIL: TestFetch (0.02s)",
      "FAIL\tgithub.com/acme/x\t0.03s",
    ]),
    pattern: "net.dns",
  },
  {
    name: "bash reports a job killed by SIGKILL that the script did not kill",
    log: gha("./ci/e2e.sh", ["+ npx cucumber-js", "+ kill -9 5151", "./ci/e2e.sh: line 30:  4242 Killed                  npm run serve", "+ exit 1"]),
    pattern: "oom.killed",
  },
  {
    name: "a timeout in the failing step itself still ends the job",
    log: gha("npm run e2e", ["> e2e", "waiting for staging...", "##[error]The action 'Run npm run e2e' has timed out after 30 minutes."], { exitCode: null }),
    pattern: "gha.step-timeout",
  },
];

describe("red-team controls stay flaky", () => {
  it.each(controls.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const v = verdictOf(c.log);
    expect(v, v.reason).toMatchObject({ class: "flaky", patternId: c.pattern });
  });
});
