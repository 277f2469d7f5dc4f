// Traps for the built-ins widened by the breadth survey (and two holes it found): the words of a
// network, registry or agent failure stand in the log, but the job failed for a reason of its own —
// a path dependency that is not there, a private feed without credentials, a 4xx, a recovered
// warning, an emulator that was still booting, the job's own server. Each must stay genuine.
import { describe, expect, it } from "vitest";
import { gha, ghaSetup, jenkins, lineOf, verdictOf } from "./held-out-logs.js";

interface Trap {
  name: string;
  log: string;
  /** Text of the line the verdict must quote, or null when no line qualifies. */
  quote: string | null;
}

const traps: Trap[] = [
  {
    // rust-lang/cargo prints this head line for a network failure and for a missing path alike.
    name: "cargo cannot find a path dependency's Cargo.toml (CeleritasCelery/rune#28)",
    log: gha("cargo build --locked", [
      "error: failed to get `get-size` as a dependency of package `text-buffer v0.1.0 (/home/runner/work/rune/rune/crates/text-buffer)`",
      "",
      "Caused by:",
      "  failed to load source for dependency `get-size`",
      "",
      "Caused by:",
      "  Unable to update /Users/troyhinckley/repos/get-size",
      "",
      "Caused by:",
      "  failed to read `/Users/troyhinckley/repos/get-size/Cargo.toml`",
      "",
      "Caused by:",
      "  No such file or directory (os error 2)",
    ]),
    quote: null,
  },
  {
    name: "cargo retried a crates.io 503 and went on to a type error",
    log: gha("cargo test", [
      "warning: spurious network error (2 tries remaining): failed to get successful HTTP response from `https://index.crates.io/se/rd/serde` (151.101.1.91), got 503",
      "  Downloaded serde v1.0.200",
      "   Compiling shop v0.1.0 (/home/runner/work/shop/shop)",
      "error[E0308]: mismatched types",
      "  --> src/lib.rs:12:5",
      "error: could not compile `shop` (lib) due to 1 previous error",
    ]),
    quote: "error[E0308]: mismatched types",
  },
  {
    // The 401 stands on the line after NU1301 (microsoft/azure-pipelines-tasks#14908, NuGet/docs#2696).
    name: "dotnet restore has no credentials for a private feed",
    log: gha("dotnet restore", [
      "  Determining projects to restore...",
      "/home/runner/work/shop/shop/src/Shop.csproj : error NU1301: Unable to load the service index for source https://nuget.pkg.github.com/acme/index.json.",
      "/usr/share/dotnet/sdk/8.0.100/NuGet.targets(156,5): error :   Response status code does not indicate success: 401 (Unauthorized). [/home/runner/work/shop/shop/Shop.sln]",
      "  Failed to restore /home/runner/work/shop/shop/src/Shop.csproj (in 1.2 sec).",
    ]),
    quote: null,
  },
  {
    name: "the emulator reported offline while booting, then an instrumented test failed",
    log: gha("ReactiveCircus/android-emulator-runner@v2", [
      "/usr/local/lib/android/sdk/platform-tools/adb shell getprop sys.boot_completed",
      "adb: device offline",
      "The process '/usr/local/lib/android/sdk/platform-tools/adb' failed with exit code 1",
      "/usr/local/lib/android/sdk/platform-tools/adb shell getprop sys.boot_completed",
      "Emulator booted.",
      "/usr/bin/sh -c ./gradlew connectedCheck",
      "com.acme.shop.LoginTest > rejectsWrongPassword[test(AVD) - 11] FAILED ",
      "\tjava.lang.AssertionError: expected:<401> but was:<200>",
      "\tat org.junit.Assert.fail(Assert.java:89)",
      "FAILURE: Build failed with an exception.",
      "##[error]The process '/usr/bin/sh' failed with exit code 1",
    ], { exitCode: null }),
    quote: "java.lang.AssertionError: expected:<401> but was:<200>",
  },
  {
    name: "the code's own HTTP server truncates a response inside a failing test",
    log: gha("./gradlew test", [
      "ServerTest > streamsLargeBody() FAILED",
      "    org.apache.http.ConnectionClosedException: Premature end of Content-Length delimited message body (expected: 1048576; received: 65536)",
      "        at org.apache.http.impl.io.ContentLengthInputStream.read(ContentLengthInputStream.java:178)",
      "        at com.acme.ServerTest.streamsLargeBody(ServerTest.java:41)",
      "12 tests completed, 1 failed",
      "FAILURE: Build failed with an exception.",
    ]),
    quote: "org.apache.http.ConnectionClosedException: Premature end",
  },
  {
    name: "the Gradle wrapper is asked for a version that does not exist",
    log: gha("./gradlew build", [
      "Downloading https://services.gradle.org/distributions/gradle-9.99-bin.zip",
      'Exception in thread "main" java.io.FileNotFoundException: https://downloads.gradle.org/distributions/gradle-9.99-bin.zip',
      "\tat org.gradle.wrapper.Download.downloadInternal(Download.java:131)",
    ]),
    quote: null,
  },
  {
    name: "bazel gets a 404 for an archive that was never published",
    log: gha("bazel build //...", [
      "ERROR: An error occurred during the fetch of repository 'rules_acme':",
      "Error in download_and_extract: java.io.IOException: Error downloading [https://github.com/acme/rules_acme/releases/download/v9.9.9/rules_acme-v9.9.9.tar.gz] to /home/runner/.cache/bazel/_bazel_runner/x/external/rules_acme/temp1/rules_acme-v9.9.9.tar.gz: GET returned 404 Not Found",
      "ERROR: Build did NOT complete successfully",
    ]),
    quote: null,
  },
  {
    name: "Codecov refuses the upload: the branch is protected and no token is set",
    log: gha("codecov/codecov-action@v4", [
      "info - 2024-05-30 13:29:27,496 -- The PR is happening in a forked repo. Using tokenless upload.",
      'error - 2024-05-30 13:29:27,804 -- Commit creating failed: {"message":"Token required because branch is protected"}',
      "##[error]Codecov: Failed to properly create commit: The process '/home/runner/work/_actions/codecov/codecov-action/v4/dist/codecov' failed with exit code 1",
    ], { exitCode: null }),
    quote: null,
  },
  {
    name: "an integration test cannot resolve the job's own compose service",
    log: gha("npm run test:integration", [
      " FAIL  test/orders.int.test.ts",
      "  ● orders › creates an order",
      "",
      "    FetchError: request to http://orders-api:8080/orders failed, reason: getaddrinfo ENOTFOUND orders-api",
      "Tests:       1 failed, 12 passed, 13 total",
    ]),
    quote: "FetchError: request to http://orders-api:8080/orders failed",
  },
  {
    name: "pip cannot reach the job's own local index (devpi on localhost)",
    log: gha("pip install -i http://localhost:3141/root/dev/+simple/ acme-utils", [
      "ERROR: Exception:",
      "Traceback (most recent call last):",
      "pip._vendor.requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=3141): Max retries exceeded with url: /root/dev/+simple/acme-utils/ (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))",
    ]),
    quote: null,
  },
  {
    name: "git is refused by the corporate proxy (407, credentials missing)",
    log: jenkins([
      "+ git fetch origin",
      "fatal: unable to access 'https://github.com/acme/shop.git/': Received HTTP code 407 from proxy after CONNECT",
    ]),
    quote: null,
  },
  {
    name: "buildx is refused a private base image's blob (401)",
    log: gha("docker/build-push-action@v6", [
      "#5 [internal] load metadata for ghcr.io/acme/base:1",
      "##[error]buildx failed with: ERROR: failed to solve: failed to compute cache key: failed to copy: httpReadSeeker: failed open: unexpected status code https://ghcr.io/v2/acme/base/blobs/sha256:4f1a: 401 Unauthorized",
    ], { exitCode: null }),
    quote: "unexpected status code https://ghcr.io/v2/acme/base/blobs/sha256:4f1a: 401 Unauthorized",
  },
  {
    name: "yarn 3 is told a package version does not exist (404)",
    log: gha("yarn install --immutable", [
      "➤ YN0000: ┌ Resolution step",
      "➤ YN0001: │ HTTPError: Response code 404 (Not Found)",
      "➤ YN0000: └ Completed in 0s 512ms",
      "➤ YN0000: Failed with errors in 0s 519ms",
    ]),
    quote: null,
  },
  {
    name: "a Gradle deploy task's own call times out (top of the cause chain, not resolution)",
    log: gha("./gradlew deployStaging", [
      "> Task :deployStaging FAILED",
      "FAILURE: Build failed with an exception.",
      "* What went wrong:",
      "Execution failed for task ':deployStaging'.",
      "> Read timed out",
      "* Try:",
    ]),
    quote: "> Read timed out",
  },
  {
    name: "Nix is asked for a source archive that does not exist (404)",
    log: gha("nix build .#default", [
      "error: unable to download 'https://github.com/acme/nope/archive/v1.tar.gz': HTTP error 404",
      "       response body:",
      "       Not Found",
    ]),
    quote: null,
  },
  {
    name: "pip is pointed at an index host that does not exist (a typo in --extra-index-url)",
    log: gha("pip install -r requirements.txt", [
      "ERROR: Exception:",
      "Traceback (most recent call last):",
      "pip._vendor.requests.exceptions.ConnectionError: HTTPSConnectionPool(host='pypi.acme-internl.example', port=443): Max retries exceeded with url: /simple/acme-utils/ (Caused by NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -2] Name or service not known'))",
    ]),
    quote: null,
  },
  {
    name: "an integration test times out against the job's own compose service (undici)",
    log: gha("npm run test:e2e", [
      " FAIL  test/checkout.e2e.test.ts (31.2 s)",
      "  ● checkout › pays with a card",
      "",
      "    TypeError: fetch failed",
      "      [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: payments:8443, timeout: 10000ms)",
      "          code: 'UND_ERR_CONNECT_TIMEOUT'",
      "Tests:       1 failed, 20 passed, 21 total",
    ]),
    quote: "TypeError: fetch failed",
  },
  {
    name: "the workflow names an action version that does not exist",
    log: ghaSetup([
      "Download action repository 'actions/checkout@v4' (SHA:11bd71901bbe5b1630ceea73d27597364c9af683)",
      "##[error]Unable to resolve action `acme/setup-tool@v9`, unable to find version `v9`",
    ]),
    quote: null,
  },
];

describe("breadth traps stay genuine", () => {
  it.each(traps.map((t) => [t.name, t] as const))("%s", (_name, t) => {
    const v = verdictOf(t.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("genuine");
    if (t.quote === null) expect(v.patternId).toMatch(/^sift\.genuine\./);
    else expect(v.line, v.matchedText).toBe(lineOf(t.log, t.quote));
  });
});
