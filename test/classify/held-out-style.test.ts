// Held-out style cases: short failing logs, one per infrastructure cause, built around error lines
// quoted from public issue threads (the thread is named beside each case), in the raw formats the
// CI systems serve. Each must be flaky, name its cause, and quote the line that shows it.
import { describe, expect, it } from "vitest";
import { buildkite, gha, ghaSetup, jenkins, lineOf, travis, verdictOf } from "./held-out-logs.js";

interface Case {
  name: string;
  log: string;
  pattern: string | RegExp;
  /** Text of the line the verdict must quote. */
  quote: string;
}

const cases: Case[] = [
  {
    name: "docker compose pull rate-limited by Docker Hub (alexklibisz/terraform-provider-terrifi#50)",
    log: gha("docker compose -f docker-compose.yaml pull --quiet", [" unifi Pulling ", " mongo Pulling ", "toomanyrequests: retry-after: 985.86µs, allowed: 44000/minute"]),
    pattern: "docker.rate-limit",
    quote: "toomanyrequests: retry-after",
  },
  {
    name: "setup-python hits the GitHub API rate limit (actions/setup-python#1232)",
    log: gha(
      "actions/setup-python@v5",
      [
        "Installed versions",
        "  GraalPy version 24.1 was not found in the local cache",
        "##[error]API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID 5841:12068:2A62DF:B7984D:68F7A08C and timestamp 2025-10-21 15:02:36 UTC.",
      ],
      { command: ["with:", "  python-version: graalpy-24.1"], exitCode: null },
    ),
    pattern: "github.api-rate-limit",
    quote: "API rate limit exceeded for installation.",
  },
  {
    name: "npm ci cannot resolve the registry (pre-commit-ci/issues#91)",
    log: gha("npm ci", [
      "npm ERR! code EAI_AGAIN",
      "npm ERR! errno EAI_AGAIN",
      "npm ERR! request to https://registry.npmjs.org/chai/-/chai-4.3.4.tgz failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org",
      "",
      "npm ERR! A complete log of this run can be found in:",
      "npm ERR!     /home/runner/.npm/_logs/2021-09-27T05_46_08_081Z-debug.log",
    ]),
    pattern: "npm.network",
    quote: "npm ERR! code EAI_AGAIN",
  },
  {
    name: "pip inside docker build times out on PyPI (conbench/conbench#815)",
    log: gha("docker build -t app .", [
      "#10 3.138 Collecting bokeh",
      "#10 3.146   Downloading bokeh-3.0.3-py3-none-any.whl (16.5 MB)",
      "#10 18.23 ERROR: Exception:",
      "#10 18.23 Traceback (most recent call last):",
      '#10 18.23     raise ReadTimeoutError(self._pool, None, "Read timed out.")',
      "#10 18.23 pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out.",
      'ERROR: failed to solve: process "/bin/sh -c pip install -r requirements.txt" did not complete successfully: exit code: 2',
    ]),
    pattern: "pip.network",
    quote: "pip._vendor.urllib3.exceptions.ReadTimeoutError",
  },
  {
    name: "apt mirror serves a file with the wrong hash (svpino/ml.school#46)",
    log: gha("sudo apt-get install -y dmsetup", [
      "Get:1 http://deb.debian.org/debian bullseye/main arm64 dmsetup arm64 2:1.02.175-2.1 [85.1 kB]",
      "E: Failed to fetch http://deb.debian.org/debian/pool/main/l/lvm2/dmsetup_1.02.175-2.1_arm64.deb Hash Sum mismatch",
      "E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?",
    ]),
    pattern: "apt.fetch-failed",
    quote: "Hash Sum mismatch",
  },
  {
    name: "Gradle resolution gets a 502 (nexusnode/crafting-dead#325)",
    log: gha("./gradlew build", [
      "FAILURE: Build failed with an exception.",
      "",
      "* What went wrong:",
      "A problem occurred configuring project ':crafting-dead-core'.",
      "> Could not resolve all files for configuration ':crafting-dead-core:modules_userdev_resolver'.",
      "   > Could not resolve cpw.mods:bootstraplauncher:1.0.0.",
      "         > Could not get resource 'https://maven.tarbits.co.uk/releases/cpw/mods/bootstraplauncher/1.0.0/bootstraplauncher-1.0.0.pom'.",
      "            > Could not GET 'https://maven.tarbits.co.uk/releases/cpw/mods/bootstraplauncher/1.0.0/bootstraplauncher-1.0.0.pom'. Received status code 502 from server: Bad Gateway",
      "",
      "* Try:",
      "> Run with --stacktrace option to get the stack trace.",
      "BUILD FAILED in 41s",
    ]),
    pattern: "gradle.repo-http",
    quote: "Received status code 502 from server",
  },
  {
    name: "Maven Central drops a download mid-way (apache/pulsar#6231)",
    log: gha("mvn -B verify", [
      "[INFO] BUILD FAILURE",
      "[INFO] ------------------------------------------------------------------------",
      "[ERROR] Failed to execute goal on project buildtools: Could not resolve dependencies for project org.apache.pulsar:buildtools:jar:2.6.0-SNAPSHOT: Could not transfer artifact org.apache-extras.beanshell:bsh:jar:2.0b6 from/to central (https://repo.maven.apache.org/maven2): Transfer failed for https://repo.maven.apache.org/maven2/org/apache-extras/beanshell/bsh/2.0b6/bsh-2.0b6.jar 503 between bytes timeout -> [Help 1]",
      "[ERROR] ",
      "[ERROR] Re-run Maven using the -X switch to enable full debug logging.",
    ]),
    pattern: "maven.transfer",
    quote: "503 between bytes timeout",
  },
  {
    name: "cargo runs out of retries against crates.io (darkarp/chromepass#40)",
    log: gha("cargo build --release", [
      "warning: spurious network error (2 tries remaining): failed to get 200 response from `https://crates.io/api/v1/crates/polyval/0.5.2/download`, got 504",
      "warning: spurious network error (1 tries remaining): failed to get 200 response from `https://crates.io/api/v1/crates/polyval/0.5.2/download`, got 504",
      "error: failed to download from `https://crates.io/api/v1/crates/polyval/0.5.2/download`",
      "",
      "Caused by:",
      "  failed to get 200 response from `https://crates.io/api/v1/crates/polyval/0.5.2/download`, got 504",
    ]),
    pattern: "cargo.download",
    quote: "error: failed to download from",
  },
  {
    name: "a GOPROXY mirror answers 502 (goproxyio/goproxy#210)",
    log: gha("go run github.com/golangci/golangci-lint/cmd/golangci-lint@v1.47.0 run", [
      "go: github.com/golangci/golangci-lint/cmd/golangci-lint@v1.47.0: github.com/golangci/golangci-lint/cmd/golangci-lint@v1.47.0: reading https://goproxy.io/github.com/golangci/golangci-lint/cmd/golangci-lint/@v/v1.47.0.info: 502 Bad Gateway",
    ]),
    pattern: "go.proxy",
    quote: "reading https://goproxy.io/",
  },
  {
    name: "the hosted runner could not be provisioned (actions/runner-images#3770)",
    log: ghaSetup(["##[error]An error occurred while provisioning resources (Error Type: Failure).", ",##[error]The remote provider was unable to process the request."]),
    pattern: "gha.runner-error",
    quote: "An error occurred while provisioning resources",
  },
  {
    name: "a cache action gets a 503 from the cache service (satackey/action-docker-layer-caching#285)",
    log: gha("satackey/action-docker-layer-caching@v0.0.11", ["Error: getCacheEntry failed: Cache service responded with 503", "    at /home/runner/work/_actions/satackey/action-docker-layer-caching/v0.0.11/dist/ttsc-dist/main.js/index.js:44587:15", "##[error]Error: getCacheEntry failed: Cache service responded with 503"], { exitCode: null }),
    pattern: "gha.cache-service",
    quote: "Cache service responded with 503",
  },
  {
    name: "setup-java's version lookup times out (actions/setup-java#508)",
    log: gha("actions/setup-java@v4", ["Installed distributions", "Trying to resolve the latest version from remote", "##[error]Request timeout: /v3/assets/version/%255B1.0,100.0%255D?project=jdk&vendor=adoptium&heap_size=normal&sort_method=DEFAULT"], { exitCode: null }),
    pattern: "gha.http-timeout",
    quote: "Request timeout: /v3/assets",
  },
  {
    name: "the runner's action download times out (myoung34/docker-github-actions-runner#545)",
    log: ghaSetup([
      "##[warning]Failed to download action 'https://api.github.com/repos/gradle/actions/tarball/748248ddd2a24f49513d8f472f81c3a07d4d50e1'. Error: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing. ",
      "##[warning]Back off 22.24 seconds before retry.",
      "##[error]Action 'https://api.github.com/repos/gradle/actions/tarball/748248ddd2a24f49513d8f472f81c3a07d4d50e1' download has timed out. Error: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing. ",
    ]),
    pattern: "gha.action-download",
    quote: "download has timed out",
  },
  {
    name: "Chocolatey's feed is at capacity (svenstaro/upx-action#41)",
    log: gha("choco install upx --no-progress --version=4.2.2", [
      "Chocolatey v2.2.2",
      "Installing the following packages:",
      "upx",
      "[NuGet] Error downloading 'upx.4.2.2' from 'https://community.chocolatey.org/api/v2/package/upx/4.2.2'.",
      "[NuGet] Response status code does not indicate success: 503 (Service Unavailable: Back-end server is at capacity).",
      "upx not installed. An error occurred during installation:",
      "The install of upx was NOT successful.",
      "Chocolatey installed 0/1 packages. 1 packages failed.",
    ]),
    pattern: "dotnet.http-5xx",
    quote: "Response status code does not indicate success: 503",
  },
  {
    name: "Homebrew's bottle host answers 502 (PCRE2Project/pcre2#117)",
    log: gha("brew install pcre2", ["==> Downloading https://homebrew.bintray.com/bottles/pcre2-10.33.mojave.bottle.tar.gz", "curl: (22) The requested URL returned error: 502 Bad Gateway", 'Error: Failed to download resource "pcre2"', "Download failed: https://homebrew.bintray.com/bottles/pcre2-10.33.mojave.bottle.tar.gz"]),
    pattern: "net.curl",
    quote: "curl: (22) The requested URL returned error: 502",
  },
  {
    name: "Packagist answers 502 (composer/composer#9810)",
    log: gha("composer install --no-interaction", [
      "Loading composer repositories with package information",
      "In CurlDownloader.php line 394:",
      "  [Composer\\Downloader\\TransportException]",
      '  The "https://repo.packagist.org/p2/php-http/async-client-implementation.json" file could not be downloaded (HTTP/2 502 )',
    ]),
    pattern: "composer.download",
    quote: "file could not be downloaded (HTTP/2 502 )",
  },
  {
    name: "a container action's image pull gets EOF from ghcr.io (INSPIRE-MIF/helpdesk-validator#1026)",
    log: ghaSetup([
      "##[group]Pull down action image 'ghcr.io/acme/lint-action:v1'",
      "##[command]/usr/bin/docker pull ghcr.io/acme/lint-action:v1",
      'Error response from daemon: Get "https://ghcr.io/v2/": EOF',
      "##[warning]Docker pull failed with exit code 1, back off 5.225 seconds before retry.",
      "##[command]/usr/bin/docker pull ghcr.io/acme/lint-action:v1",
      'Error response from daemon: Get "https://ghcr.io/v2/": EOF',
      "##[endgroup]",
      "##[error]Docker pull failed with exit code 1",
    ]),
    pattern: "docker.registry-unavailable",
    quote: 'Get "https://ghcr.io/v2/": EOF',
  },
  {
    name: "buildx push gets a 503 (docker/build-push-action#334)",
    log: gha("docker/build-push-action@v2", ["#16 exporting to image", "#16 pushing layers 22.5s done", "##[error]buildx call failed with: error: failed to solve: rpc error: code = Unknown desc = unexpected status: 503 Service Unavailable"], { exitCode: null }),
    pattern: "docker.registry-unavailable",
    quote: "unexpected status: 503 Service Unavailable",
  },
  {
    name: "the LFS server answers 502 during checkout (go-gitea/gitea#35320)",
    log: gha("actions/checkout@v4", ["Fetching LFS objects", "[command]/usr/bin/git lfs fetch origin refs/remotes/origin/main", "batch response: Fatal error: Server error http://git.acme.internal/acme/assets.git/info/lfs/objects/batch from HTTP 502", "##[error]The process '/usr/bin/git' failed with exit code 2"], { exitCode: null, before: [] }),
    pattern: "git.lfs-server-error",
    quote: "from HTTP 502",
  },
  {
    name: "the Android emulator never boots (dream-horizon-org/pulse#151)",
    log: gha("reactivecircus/android-emulator-runner@v2", ["Configure emulator", "Install Android SDK", "Launch Emulator", "Terminate Emulator", "##[error]Timeout waiting for emulator to boot."], { exitCode: null }),
    pattern: "android.emulator-boot",
    quote: "Timeout waiting for emulator to boot",
  },
  {
    name: "xcodebuild gives up on the simulator (lionheart/openradar-mirror#8204)",
    log: gha("xcodebuild -scheme RealmSwift -destination 'name=iPhone 6' test", [
      "2015-10-08 13:17:33.051 xcodebuild[57711:240667]  iPhoneSimulator: Timed out waiting 120 seconds for simulator to boot, current state is 1.",
      "Testing failed:",
      "\tTest target RealmSwiftTests encountered an error (Early unexpected exit, operation never finished bootstrapping - no restart will be attempted)",
      "** TEST FAILED **",
    ]),
    pattern: "xcode.simulator",
    quote: "Timed out waiting 120 seconds for simulator to boot",
  },
  {
    name: "Selenium cannot reach the grid (SeleniumHQ/selenium#10620)",
    log: gha("mvn -B verify -Pe2e", [
      "[INFO] Running com.acme.shop.LoginIT",
      "[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 180.2 s <<< FAILURE! - in com.acme.shop.LoginIT",
      "[ERROR] com.acme.shop.LoginIT.setUp  Time elapsed: 180.1 s  <<< ERROR!",
      "org.openqa.selenium.SessionNotCreatedException: Could not start a new session. Possible causes are invalid address of the remote server or browser start-up failure.",
      "Build info: version: '4.1.3', revision: '7b1ebf28ef'",
      "[ERROR] Tests run: 1, Failures: 0, Errors: 1, Skipped: 0",
    ]),
    pattern: "selenium.session-start",
    quote: "Could not start a new session. Possible causes",
  },
  {
    name: "an action's GitHub API call gets a 502 (fkirc/skip-duplicate-actions#301)",
    log: gha("fkirc/skip-duplicate-actions@master", ["/home/runner/work/_actions/fkirc/skip-duplicate-actions/master/dist/index.js:4867", "      const error = new requestError.RequestError(toErrorMessage(data), status, {", "                    ^", "", "RequestError [HttpError]: Server Error", "    at /home/runner/work/_actions/fkirc/skip-duplicate-actions/master/dist/index.js:4867:21", "  status: 502,"], { exitCode: null }),
    pattern: "github.api-5xx",
    quote: "RequestError [HttpError]: Server Error",
  },
  {
    name: "gh release create gets a 502 (cli/cli#10981)",
    log: gha("gh release create v25-05-13-1354 --generate-notes --latest", ["HTTP 502: Bad Gateway (https://api.github.com/repos/acme/shop/releases)"]),
    pattern: "github.api-5xx",
    quote: "HTTP 502: Bad Gateway",
  },
  {
    name: "Travis stops the job at its time limit (sympy/sympy#19628)",
    log: travis(["$ bin/test --split 4/4", "sympy/physics/tests/test_units.py[34] ..................................", "", "The job exceeded the maximum time limit for jobs, and has been terminated."]),
    pattern: "travis.time-limit",
    quote: "The job exceeded the maximum time limit",
  },
  {
    name: "the Jenkins agent's channel drops mid-build (adoptium/temurin-build#1450)",
    log: jenkins([
      "Signing ./hotspot/jtreg/native/redefclass025.dll",
      "FATAL: command execution failed",
      "java.nio.channels.ClosedChannelException",
      "\tat org.jenkinsci.remoting.protocol.NetworkLayer.onRecvClosed(NetworkLayer.java:154)",
      "\tat org.jenkinsci.remoting.protocol.impl.NIONetworkLayer.ready(NIONetworkLayer.java:179)",
      "Caused: java.io.IOException: Backing channel 'JNLP4-connect connection from 8a.04.30a9.ip4.static.sl-reverse.com/169.48.4.138:63622' is disconnected.",
      "\tat hudson.remoting.RemoteInvocationHandler.channelOrFail(RemoteInvocationHandler.java:216)",
    ]),
    pattern: "jenkins.agent-lost",
    quote: "Backing channel",
  },
  {
    name: "Maven Central answers 502 on a timestamped Jenkins log (travis-ci/travis-ci#3160)",
    log: jenkins(
      [
        "[INFO] BUILD FAILURE",
        "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.1:compile (default-compile) on project graphhopper: Execution default-compile of goal org.apache.maven.plugins:maven-compiler-plugin:3.1:compile failed: Plugin org.apache.maven.plugins:maven-compiler-plugin:3.1 or one of its dependencies could not be resolved: Failed to collect dependencies at org.apache.maven.plugins:maven-compiler-plugin:jar:3.1: Could not transfer artifact org.codehaus.plexus:plexus-interpolation:pom:1.11 from/to central (https://repo.maven.apache.org/maven2): Failed to transfer file: https://repo.maven.apache.org/maven2/org/codehaus/plexus/plexus-interpolation/1.11/plexus-interpolation-1.11.pom. Return code is: 502 , ReasonPhrase:Bad Gateway. -> [Help 1]",
      ],
      { timestamps: true },
    ),
    pattern: "maven.transfer",
    quote: "Return code is: 502",
  },
  {
    name: "dotnet restore cannot load nuget.org (MicrosoftDocs/mslearn-dotnet-kubernetes#4)",
    log: jenkins(["+ dotnet restore", "  Determining projects to restore...", "/src/backend.csproj : error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.", "  Failed to restore /src/backend.csproj (in 17.31 sec)."]),
    pattern: "nuget.service-index",
    quote: "error NU1301",
  },
  {
    name: "yarn on Buildkite gets a 502 from its registry (yarnpkg/yarn#8527)",
    log: buildkite(["$ yarn install --frozen-lockfile", "yarn install v1.22.5", "[1/4] Resolving packages...", "[2/4] Fetching packages...", 'error https://registry.yarnpkg.com/is-number/-/is-number-3.0.0.tgz: Request failed "502 Bad Gateway"', "info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command."]),
    pattern: "yarn.network",
    quote: "Request failed \"502 Bad Gateway\"",
  },
  {
    name: "docker run on Buildkite hits the pull rate limit (aquasecurity/tracee#4248)",
    log: buildkite([
      "$ docker run --rm ubuntu:latest make check",
      "Unable to find image 'ubuntu:latest' locally",
      "docker: Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit.",
      "See 'docker run --help'.",
    ]),
    pattern: "docker.rate-limit",
    quote: "You have reached your pull rate limit",
  },
  {
    name: "composer times out against Packagist on GitLab (composer/composer#12535)",
    log: [
      "Running with gitlab-runner 17.5.0 (4f2cdd0d)",
      "$ composer audit --no-dev --locked --ansi --no-interaction",
      "Error: curl error 28 while downloading https://packagist.org/api/security-advisories/: Operation timed out after 10006 milliseconds with 0 bytes received",
      "ERROR: Job failed: exit code 1",
    ].join("\n"),
    pattern: "composer.download",
    quote: "curl error 28 while downloading",
  },
];

describe("held-out style infrastructure failures", () => {
  it("covers thirty causes", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const v = verdictOf(c.log);
    expect(v.class, `${v.patternId}: ${v.reason}`).toBe("flaky");
    if (typeof c.pattern === "string") expect(v.patternId).toBe(c.pattern);
    else expect(v.patternId).toMatch(c.pattern);
    expect(v.line, v.matchedText).toBe(lineOf(c.log, c.quote));
  });
});
