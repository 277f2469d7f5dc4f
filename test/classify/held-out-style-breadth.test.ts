// Held-out style cases for the breadth survey: short failing logs in the raw formats CI systems serve,
// built around error lines quoted from public issue threads (named beside each case). Each must be
// flaky, name its cause, and quote the line that shows it.
import { describe, expect, it } from "vitest";
import { buildkite, gha, jenkins, lineOf, verdictOf } from "./held-out-logs.js";

interface Case {
  name: string;
  log: string;
  pattern: string;
  /** Text of the line the verdict must quote. */
  quote: string;
}

const cases: Case[] = [
  {
    name: "the runner cannot write its own page log: the disk is full (marrlab/DomainLab#277)",
    log: gha("pytest tests/", [
      "tests/test_models.py::test_erm PASSED",
      "##[error]No space left on device : '/home/runner/runners/2.306.0/_diag/pages/ff19b11a-bf94-41ea-b14f-e1a6042dfd23_210bfe07-8b4d-5520-d98c-37a82dddc51d_1.log'",
    ], { exitCode: null }),
    pattern: "disk.full",
    quote: "##[error]No space left on device",
  },
  {
    name: "Bazel gets a 502 for a GitHub release archive (bazelbuild/bazel#23334)",
    log: gha("bazel test //...", [
      "WARNING: Download from https://github.com/bazelbuild/rules_rust/releases/download/0.49.1/rules_rust-v0.49.1.tar.gz failed: class com.google.devtools.build.lib.bazel.repository.downloader.UnrecoverableHttpException GET returned 502 Bad Gateway",
      "ERROR: An error occurred during the fetch of repository 'rules_rust~':",
      "   Traceback (most recent call last):",
      '\tFile "/home/runner/.cache/bazel/_bazel_runner/9f4e/external/bazel_tools/tools/build_defs/repo/http.bzl", line 131, column 45, in _http_archive_impl',
      "\t\tdownload_info = ctx.download_and_extract(",
      "Error in download_and_extract: java.io.IOException: Error downloading [https://github.com/bazelbuild/rules_rust/releases/download/0.49.1/rules_rust-v0.49.1.tar.gz] to /home/runner/.cache/bazel/_bazel_runner/9f4e/external/rules_rust~/temp1/rules_rust-v0.49.1.tar.gz: GET returned 502 Bad Gateway",
      "ERROR: Build did NOT complete successfully",
    ]),
    pattern: "bazel.download",
    quote: "Error in download_and_extract: java.io.IOException: Error downloading",
  },
  {
    name: "Gradle's download from Google's Maven is cut off (grpc/grpc#17037)",
    log: jenkins([
      "+ ./gradlew --no-daemon assembleDebug",
      "Download https://dl.google.com/dl/android/maven2/com/android/tools/build/builder/3.0.1/builder-3.0.1.jar",
      "FAILURE: Build failed with an exception.",
      "* What went wrong:",
      "A problem occurred configuring root project 'interop'.",
      "> Could not resolve all files for configuration ':classpath'.",
      "   > Could not download builder.jar (com.android.tools.build:builder:3.0.1)",
      "      > Could not get resource 'https://dl.google.com/dl/android/maven2/com/android/tools/build/builder/3.0.1/builder-3.0.1.jar'.",
      "         > Premature end of Content-Length delimited message body (expected: 26945712; received: 8667072",
      "* Try:",
      "Run with --stacktrace option to get the stack trace. Run with --info or --debug option to get more log output.",
    ]),
    pattern: "gradle.repo-http",
    quote: "> Premature end of Content-Length",
  },
  {
    name: "the Gradle wrapper times out fetching its distribution (google/tsunami-security-scanner#91)",
    log: gha("./gradlew build", [
      "Downloading https://services.gradle.org/distributions/gradle-6.5-bin.zip",
      'Exception in thread "main" java.io.IOException: Downloading from https://services.gradle.org/distributions/gradle-6.5-bin.zip failed: timeout',
      "\tat org.gradle.wrapper.Download.downloadInternal(Download.java:106)",
      "\tat org.gradle.wrapper.GradleWrapperMain.main(GradleWrapperMain.java:63)",
      "Caused by: java.net.SocketTimeoutException: Connect timed out",
    ]),
    pattern: "gradle.repo-http",
    quote: "failed: timeout",
  },
  {
    name: "cargo's sparse index answers 503 (rust-lang/crates.io#12482)",
    log: gha("docker build -t app .", [
      "#16 14.77 error: failed to get `google-api-proto` as a dependency of package `app v0.1.0 (/app)`",
      "#16 14.77 ",
      "#16 14.77 Caused by:",
      "#16 14.77   download of go/og/google-api-proto failed",
      "#16 14.77 ",
      "#16 14.77 Caused by:",
      "#16 14.77   failed to get successful HTTP response from `https://index.crates.io/go/og/google-api-proto` (151.101.1.91), got 503",
      'ERROR: failed to solve: process "/bin/sh -c cargo build --release" did not complete successfully: exit code: 101',
    ]),
    pattern: "cargo.download",
    quote: "failed to get successful HTTP response",
  },
  {
    name: "pip's download is cut off mid-file (pypa/pip#13965)",
    log: gha("python -m pip install --upgrade pip", [
      "ERROR: Could not install packages due to an OSError.",
      "Traceback (most recent call last):",
      '  File "/opt/hostedtoolcache/Python/3.11.9/x64/lib/python3.11/site-packages/pip/_vendor/urllib3/response.py", line 1043, in _raw_read',
      "    raise IncompleteRead(self._fp_bytes_read, self.length_remaining)",
      "pip._vendor.urllib3.exceptions.IncompleteRead: IncompleteRead(36977 bytes read, 279 more expected)",
    ]),
    pattern: "pip.network",
    quote: "pip._vendor.urllib3.exceptions.IncompleteRead",
  },
  {
    name: "the Android device drops during install (dotnet/android#11830)",
    log: gha("dotnet build tests/Mono.Android-Tests -t:Install", [
      "  Installing the application package on emulator-5554...",
      "Xamarin.Android.Common.Debugging.targets(107,2): error XAGCPU7000: Mono.AndroidTools.AdbException: device offline",
      "   at Mono.AndroidTools.Util.AggregateAsyncResult.CheckError(CancellationToken token)",
      "Build FAILED.",
    ]),
    pattern: "android.device-offline",
    quote: "AdbException: device offline",
  },
  {
    name: "apt cannot take dpkg's lock while the image provisions (actions/runner-images#13488)",
    log: gha("sudo dpkg -i ./container-tools.deb", [
      "dpkg: error: dpkg frontend lock was locked by another process with pid 19603",
      "Note: removing the lock file is always wrong, and can end up damaging the",
      "locked area and the entire system. See <https://wiki.debian.org/Teams/Dpkg/FAQ>.",
    ]),
    pattern: "apt.dpkg-lock",
    quote: "dpkg frontend lock was locked",
  },
  {
    name: "Codecov's tokenless upload hits GitHub's rate limit (py-pdf/pypdf#2696)",
    log: gha("codecov/codecov-action@v4", [
      "info - 2024-05-30 13:29:27,496 -- The PR is happening in a forked repo. Using tokenless upload.",
      "info - 2024-05-30 13:29:27,804 -- Process Commit creating complete",
      'error - 2024-05-30 13:29:27,804 -- Commit creating failed: {"detail":"Tokenless has reached GitHub rate limit. Please upload using a token: https://docs.codecov.com/docs/adding-the-codecov-token. Expected available in 471 seconds."}',
      "##[error]Codecov: Failed to properly create commit: The process '/home/runner/work/_actions/codecov/codecov-action/v4/dist/codecov' failed with exit code 1",
    ], { exitCode: null }),
    pattern: "coverage.upload",
    quote: "Tokenless has reached GitHub rate limit",
  },
  {
    name: "git clone over HTTP/2 breaks in the framing layer (FoundationAgents/OpenManus#343)",
    log: jenkins([
      "+ git clone https://github.com/mannaandpoem/OpenManus.git",
      "Cloning into 'OpenManus'...",
      "fatal: unable to access 'https://github.com/mannaandpoem/OpenManus.git/': Error in the HTTP2 framing layer",
    ], { timestamps: true }),
    pattern: "git.unable-to-access",
    quote: "Error in the HTTP2 framing layer",
  },
  {
    name: "yarn 3 times out on the registry on Buildkite (yarnpkg/berry#5452)",
    log: buildkite([
      "$ yarn install --immutable",
      "➤ YN0000: ┌ Resolution step",
      "➤ YN0001: │ RequestError: Socket connection timeout",
      "    at ClientRequest.<anonymous> (/var/lib/buildkite-agent/builds/agent-1/acme/shop/.yarn/releases/yarn-3.5.1.cjs:195:14340)",
      "➤ YN0000: └ Completed in 31s 4ms",
      "➤ YN0000: Failed with errors in 31s 12ms",
    ]),
    pattern: "yarn.network",
    quote: "RequestError: Socket connection timeout",
  },
  {
    name: "Gradle's dependency resolution reads nothing from Google's Maven (travis-ci/travis-ci#9059)",
    log: gha("./gradlew assembleDebug", [
      "FAILURE: Build failed with an exception.",
      "* What went wrong:",
      "A problem occurred configuring root project 'EventFahrplan'.",
      "> Could not resolve all files for configuration ':classpath'.",
      "   > Could not resolve com.android.tools.build:gradle:3.0.1.",
      "     Required by:",
      "         project :",
      "      > Could not resolve com.android.tools.build:gradle:3.0.1.",
      "         > Could not get resource 'https://dl.google.com/dl/android/maven2/com/android/tools/build/gradle/3.0.1/gradle-3.0.1.pom'.",
      "            > Could not GET 'https://dl.google.com/dl/android/maven2/com/android/tools/build/gradle/3.0.1/gradle-3.0.1.pom'.",
      "               > Read timed out",
      "* Try:",
    ]),
    pattern: "gradle.repo-http",
    quote: "               > Read timed out",
  },
  {
    name: "terraform init cannot query the provider registry (hashicorp/terraform#31341)",
    log: gha("terraform init", [
      "Initializing provider plugins...",
      '- Finding hashicorp/aws versions matching "~> 4.50"...',
      "╷",
      "│ Error: Failed to query available provider packages",
      "│",
      "│ Could not retrieve the list of available versions for provider hashicorp/aws: could not query provider registry for registry.terraform.io/hashicorp/aws: the request failed after 2",
      '│ attempts, please try again later: Get "https://registry.terraform.io/v1/providers/hashicorp/aws/versions": net/http: request canceled while waiting for connection (Client.Timeout',
      "│ exceeded while awaiting headers)",
      "╵",
    ]),
    pattern: "terraform.registry",
    quote: "the request failed after 2",
  },
  {
    name: "pod install times out on the CocoaPods CDN (CocoaPods/CocoaPods#10356)",
    log: gha("pod install --repo-update", [
      "Analyzing dependencies",
      "Fetching podspec for `DoubleConversion` from `../node_modules/react-native/third-party-podspecs/DoubleConversion.podspec`",
      "[!] CDN: trunk URL couldn't be downloaded: https://cdn.jsdelivr.net/cocoa/Specs/6/8/4/Appboy-iOS-SDK/3.31.2/Appboy-iOS-SDK.podspec.json Response: Timeout was reached",
    ]),
    pattern: "cocoapods.cdn",
    quote: "Response: Timeout was reached",
  },
  {
    name: "Nix's binary cache answers 503 (NixOS/infra#207)",
    log: gha("nix build .#default", [
      "copying path '/nix/store/y2qk-cudatoolkit-10.2.89' from 'https://cache.nixos.org'...",
      "error: unable to download 'https://cache.nixos.org/nar/0g3mvx4rg81g9fdcjc5822v14vf73lnr84fcbxa8jdgciqa1m3qk.nar.xz': HTTP error 503",
      "error: 1 dependencies of derivation '/nix/store/987v-nvtop-1.2.2.drv' failed to build",
    ]),
    pattern: "nix.download",
    quote: "HTTP error 503",
  },
];

describe("held-out style breadth cases", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const v = verdictOf(c.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("flaky");
    expect(v.patternId).toBe(c.pattern);
    expect(v.line, v.matchedText).toBe(lineOf(c.log, c.quote));
  });
});
