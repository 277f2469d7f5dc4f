// Real lines from public issue threads where CI jobs failed on infrastructure (the thread beside each
// line), for patterns added or widened by the survey of issue 10; near-misses put the same words in a
// genuine context (a test name, an assertion, a 4xx, a warning the tool recovered from).
// Lines are quoted as the threads show them, with the repository's own names left in.
import type { Examples } from "./examples-runner.js";

export const surveyExamples: Record<string, Examples> = {
  "gha.runner-error": {
    match: [
      "##[error]An error occurred while provisioning resources (Error Type: Failure).", // actions/runner-images#3770
      "An error occurred while provisioning resources (Error Type: Disconnect).", // actions/runner-images#3517
      ",##[error]The remote provider was unable to process the request.", // actions/runner-images#6164
    ],
    miss: ["Error: provisioning resources failed: terraform apply exited with 1"],
  },
  "gha.action-download": {
    match: [
      // myoung34/docker-github-actions-runner#545
      "Error: Action 'https://api.github.com/repos/gradle/actions/tarball/748248ddd2a24f49513d8f472f81c3a07d4d50e1' download has timed out. Error: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing. ",
    ],
    miss: ["  ✓ times out an action download after 100 seconds (3 ms)"],
  },
  "github.api-rate-limit": {
    match: [
      // actions/setup-python#1232
      "  Error: API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID 5841:12068:2A62DF:B7984D:68F7A08C and timestamp 2025-10-21 15:02:36 UTC.",
      // NixOS/nixpkgs#413832
      "RequestError [HttpError]: API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID 4C32:E66A2:27EF37:4E976C:683F3085 and timestamp 2025-06-03 17:27:33 UTC.",
    ],
    miss: ["    expect(message).toBe('API rate limit exceeded for installation')", "API rate limit exceeded for installations is handled by the retry plugin"],
  },
  "gha.cache-service": {
    match: [
      "Error: getCacheEntry failed: Cache service responded with 503", // satackey/action-docker-layer-caching#285
      // actions/cache#698
      "getCacheEntry failed: Request timeout: /JNaOfbZKyvCPCQ3yeg44JpXs8Z4PzKL6A6l2M67Wio6zbZtx5q/_apis/artifactcache/cache?keys=setup-java-Linux-maven",
      "Warning: Failed to save: reserveCache failed: Cache service responded with 503", // lukka/run-vcpkg#249
    ],
    miss: ["Error: getCacheEntry failed: Cache service responded with 400", "  it('retries when the cache service responded with 503', async () => {"],
  },
  "gha.http-timeout": {
    match: [
      // actions/setup-java#508 (a self-hosted runner echoing the workflow command)
      "::error::Request timeout: /v3/assets/version/%255B1.0,100.0%255D?project=jdk&vendor=adoptium&heap_size=normal&sort_method=DEFAULT&sort_order=DESC",
      "##[error]Request timeout: /v3/assets/latest/17/hotspot?architecture=x64&image_type=jdk",
    ],
    miss: ["Error: Request timeout: /api/users (test/api.test.ts:12)", "##[error]Request failed: /v3/assets/version returned 404"],
  },
  "github.api-5xx": {
    match: [
      "RequestError [HttpError]: Server Error", // fkirc/skip-duplicate-actions#301
      "gh: Server Error (HTTP 502)", // geoffreywiseman/gh-actuse#9
      // mozilla/bugbug#2571
      "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://api.github.com/repos/webcompat/web-bugs/issues/74471/events",
    ],
    miss: [
      "RequestError [HttpError]: Not Found",
      "    expect(err.message).toBe('HttpError: Server Error')",
      "requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: http://localhost:8000/api/items",
    ],
  },
  "jenkins.agent-lost": {
    match: [
      // adoptium/temurin-build#1450
      "Caused: java.io.IOException: Backing channel 'JNLP4-connect connection from 8a.04.30a9.ip4.static.sl-reverse.com/169.48.4.138:63622' is disconnected.",
      "Caused: java.io.IOException: Backing channel 'blake' is disconnected.", // E3SM-Project/scream#611
    ],
    miss: ["[INFO] Running io.netty.channel.ClosedChannelTest: backing channel is disconnected on purpose"],
  },
  "gitlab.artifacts-http": {
    match: [
      // spack/spack#26220
      'WARNING: Uploading artifacts as "archive" to coordinator... failed  id=1059196 responseStatus=500 Internal Server Error status=500 token=A2Ehhxi2',
      // NixOS/nixpkgs#25726
      "WARNING: Uploading artifacts to coordinator... failed  id=116 responseStatus=500 Internal Server Error status=500 Internal Server Error token=9tdcH8zU",
      'ERROR: Uploading artifacts as "archive" to coordinator... 502 Bad Gateway  id=2273929583 token=glcbt-66',
    ],
    miss: [
      // sameersbn/docker-gitlab#1726: too large is the job's own business
      "ERROR: Uploading artifacts to coordinator... too large archive  id=996 responseStatus=413 Request Entity Too Large status=413 Request Entity Too Large token=WEzVpnfj",
      'Uploading artifacts as "archive" to coordinator... 201 Created  id=512 responseStatus=201 Created token=x',
    ],
  },
  "travis.time-limit": {
    match: [
      "The job exceeded the maximum time limit for jobs, and has been terminated.", // travis-ci/travis-ci#7774
      "The job exceeded the maxmimum time limit for jobs, and has been terminated.", // travis-ci/travis-ci#5553
    ],
    miss: ["test_job_exceeded_the_maximum_time_limit (tests.test_worker.TestTimeouts) ... ok"],
  },
  "npm.network": {
    match: [
      // pre-commit-ci/issues#91
      "npm ERR! request to https://registry.npmjs.org/chai/-/chai-4.3.4.tgz failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org",
      "npm ERR! request to https://registry.npmjs.org/left-pad failed, reason: socket hang up",
    ],
    miss: [
      "npm ERR! request to https://registry.npmjs.org/react failed, reason: unable to get local issuer certificate",
      "npm ERR! request to http://localhost:4873/my-pkg failed, reason: connect ECONNREFUSED 127.0.0.1:4873",
      "npm ERR! code ECONNREFUSED", // mostly a proxy or the job's own local registry: left to the request line
    ],
  },
  "yarn.network": {
    match: [
      'error https://registry.yarnpkg.com/is-number/-/is-number-3.0.0.tgz: Request failed "502 Bad Gateway"', // yarnpkg/yarn#8527
      // yarnpkg/yarn#5952
      'error An unexpected error occurred: "https://registry.yarnpkg.com/@webassemblyjs%2fhelper-module-context: connect ETIMEDOUT 104.18.95.96:443".',
    ],
    miss: ['error https://registry.yarnpkg.com/stacktrace-js/-/stacktrace-js-2.0.2.tgz: Request failed "404 Not Found"'],
  },
  "maven.transfer": {
    match: [
      // apache/pulsar#6231
      "[ERROR] Failed to execute goal on project buildtools: Could not resolve dependencies for project org.apache.pulsar:buildtools:jar:2.6.0-SNAPSHOT: Could not transfer artifact org.apache-extras.beanshell:bsh:jar:2.0b6 from/to central (https://repo.maven.apache.org/maven2): Transfer failed for https://repo.maven.apache.org/maven2/org/apache-extras/beanshell/bsh/2.0b6/bsh-2.0b6.jar 503 between bytes timeout -> [Help 1]",
      "[ERROR] Failed to execute goal on project pulsar-presto-distribution: Could not resolve dependencies for project org.apache.pulsar:pulsar-presto-distribution:jar:2.6.0-SNAPSHOT: Could not transfer artifact org.eclipse.jetty:jetty-io:jar:9.4.11.v20180605 from/to central (https://repo.maven.apache.org/maven2): Failed to transfer file https://repo.maven.apache.org/maven2/org/eclipse/jetty/jetty-io/9.4.11.v20180605/jetty-io-9.4.11.v20180605.jar with status code 500 -> [Help 1]",
      // travis-ci/travis-ci#3160
      "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.1:compile (default-compile) on project graphhopper: Execution default-compile of goal org.apache.maven.plugins:maven-compiler-plugin:3.1:compile failed: Plugin org.apache.maven.plugins:maven-compiler-plugin:3.1 or one of its dependencies could not be resolved: Failed to collect dependencies at org.apache.maven.plugins:maven-compiler-plugin:jar:3.1: Could not transfer artifact org.codehaus.plexus:plexus-interpolation:pom:1.11 from/to central (https://repo.maven.apache.org/maven2): Failed to transfer file: https://repo.maven.apache.org/maven2/org/codehaus/plexus/plexus-interpolation/1.11/plexus-interpolation-1.11.pom. Return code is: 502 , ReasonPhrase:Bad Gateway. -> [Help 1]",
    ],
    miss: [
      // Maven Central refusing plain HTTP (2020): permanent, not flaky
      "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.x:app:jar:1.0: Could not transfer artifact org.x:y:pom:1.0 from/to central (http://repo.maven.apache.org/maven2): Failed to transfer file: http://repo.maven.apache.org/maven2/org/x/y/1.0/y-1.0.pom. Return code is: 501 , ReasonPhrase:HTTPS Required. -> [Help 1]",
      // jenkins-infra/helpdesk#4816: a warning Maven carried on from
      "[WARNING] Could not transfer metadata org.bouncycastle:bcprov-jdk18on/maven-metadata.xml from/to artifact-caching-proxy (http://artifact-caching-proxy.artifact-caching-proxy.svc.cluster.local:8080/): status code: 502, reason phrase: Bad Gateway (502)",
    ],
  },
  "apt.fetch-failed": {
    match: [
      "E: Failed to fetch http://deb.debian.org/debian/pool/main/l/lvm2/dmsetup_1.02.175-2.1_arm64.deb Hash Sum mismatch", // svpino/ml.school#46
      "Error: Failed to fetch https://ppa.javinator9889.com/pool/main/d/discord/discord_0.0.109_amd64.deb  Hash Sum mismatch", // Javinator9889/Discord-PPA#30
    ],
    miss: [
      "W: Failed to fetch https://mirrors.tuna.tsinghua.edu.cn/gitlab-ce/ubuntu/dists/trusty/main/binary-amd64/Packages  Hash Sum mismatch", // tuna/issues#108 (a warning)
      "TypeError: Failed to fetch https://api.example.com/v1/items  503",
    ],
  },
  "docker.rate-limit": {
    match: [
      "toomanyrequests: retry-after: 985.86µs, allowed: 44000/minute", // alexklibisz/terraform-provider-terrifi#50
      "Error response from daemon: toomanyrequests: Rate exceeded", // zebrunner/mcloud-agent#235
    ],
    miss: ["    assert err.code == 'toomanyrequests: Rate exceeded'"],
  },
  "docker.registry-unavailable": {
    match: [
      "Error response from daemon: Get \"https://ghcr.io/v2/\": EOF", // INSPIRE-MIF/helpdesk-validator#1026
      // docker/hub-feedback#2082
      "Error response from daemon: Get https://registry-1.docker.io/v2/regclient/regctl/manifests/sha256:f88439e5c58caec1f97d1699dcab6c45f447a083f0097cb8741d10260bb681ef: EOF",
      // docker/build-push-action#334
      "buildx call failed with: error: failed to solve: rpc error: code = Unknown desc = unexpected status: 503 Service Unavailable",
      "buildx call failed with: error: failed to solve: rpc error: code = Unknown desc = failed to fetch oauth token: Get https://auth.docker.io/token?scope=repository%3Abiznetgio%2Fknot-exporter%3Apull%2Cpush&service=registry.docker.io: EOF",
    ],
    miss: [
      'ERROR: failed to solve: process "/bin/sh -c make test" did not complete successfully: exit code: 2',
      "Error: buildx failed with: error: failed to solve: failed to fetch anonymous token: unexpected status: 403 Forbidden", // docker/build-push-action#628
    ],
  },
  "net.connection-reset": {
    match: [],
    // a jest failing-test title is the test's name, not the error
    miss: ["  ● fetchWithRetry › gives up after Error: socket hang up three times"],
  },
  "cargo.download": {
    match: [
      "  failed to get 200 response from `https://crates.io/api/v1/crates/core-foundation/0.6.4/download`, got 502", // kbknapp/cargo-outdated#212
    ],
    miss: ["  failed to get 200 response from `https://crates.io/api/v1/crates/nope/0.0.1/download`, got 404"],
  },
  "go.proxy": {
    match: [
      // goproxyio/goproxy#210
      "go: github.com/golangci/golangci-lint/cmd/golangci-lint@v1.47.0: github.com/golangci/golangci-lint/cmd/golangci-lint@v1.47.0: reading https://goproxy.io/github.com/golangci/golangci-lint/cmd/golangci-lint/@v/v1.47.0.info: 502 Bad Gateway",
      "go: github.com/tmaxmax/go-sse@v0.9.0-pre.2: reading https://goproxy.io/github.com/tmaxmax/go-sse/@v/v0.9.0-pre.2.info: 502 Bad Gateway", // goproxy/goproxy.cn#222
    ],
    miss: ["go: github.com/acme/nope@v1.0.0: reading https://proxy.golang.org/github.com/acme/nope/@v/v1.0.0.info: 404 Not Found"],
  },
  "xcode.simulator": {
    match: [
      "2015-10-08 13:17:33.051 xcodebuild[57711:240667]  iPhoneSimulator: Timed out waiting 120 seconds for simulator to boot, current state is 1.", // lionheart/openradar-mirror#8204
      "Unable to boot simulator: operation timed out", // facebook/idb#484
    ],
    miss: ["Test Case '-[BootTests testUnableToBootSimulatorIsReported]' passed (0.002 seconds)."],
  },
  "android.emulator-boot": {
    match: ["Error: Timeout waiting for emulator to boot."], // dream-horizon-org/pulse#151
    miss: ["  ✓ shows a hint after a timeout waiting for the emulator to boot (5 ms)"],
  },
  "selenium.session-start": {
    match: [
      // SeleniumHQ/selenium#10620
      "org.openqa.selenium.SessionNotCreatedException: Could not start a new session. Possible causes are invalid address of the remote server or browser start-up failure.",
    ],
    miss: [
      "org.openqa.selenium.SessionNotCreatedException: Could not start a new session. Response code 500. Message: session not created: This version of ChromeDriver only supports Chrome version 114",
    ],
  },
  "git.lfs-server-error": {
    match: [
      // UAV-Swarm/tools-OmniNxtSimulator#10
      "batch response: Fatal error: Server error: https://public:Public123@repo.hkust-uav.org/artifactory/api/lfs/swarm-lfs/objects/batch from HTTP 502",
      "batch response: Fatal error: Server error http://192.168.133.128:3000/hiifong/lfs.git/info/lfs/objects/batch from HTTP 502", // go-gitea/gitea#35320
    ],
    miss: ["batch response: Repository or object not found: https://github.com/acme/assets.git/info/lfs/objects/batch"],
  },
  "dotnet.http-5xx": {
    match: [
      "[NuGet] Response status code does not indicate success: 503 (Service Unavailable: Back-end server is at capacity).", // svenstaro/upx-action#41
      " The remote server returned an error: (524).", // Particular/install-sql-server-action#3
      // ros-tooling/setup-ros#157
      "  ERROR: The remote file either doesn't exist, is unauthorized, or is forbidden for url 'https://sourceforge.net/projects/gnuwin32/files/patch/2.5.9-7/patch-2.5.9-7-bin.zip'. Exception calling \"GetResponse\" with \"0\" argument(s): \"Unable to connect to the remote server\" ",
    ],
    miss: [
      '"The remote server returned an error: (403) Forbidden."', // ros-tooling/setup-ros#157, a 403
      "[NuGet] Response status code does not indicate success: 404 (Not Found).",
    ],
  },
  "composer.download": {
    match: [
      "Error: curl error 28 while downloading https://packagist.org/api/security-advisories/: Operation timed out after 10006 milliseconds with 0 bytes received", // composer/composer#12535
      "Failed to download from dist: curl error 28 while downloading Failed to connect to codeload.github.com port 443 after 10011 ms: Timeout was reached", // composer/composer#12054
      '  The "https://repo.packagist.org/p2/php-http/async-client-implementation.json" file could not be downloaded (HTTP/2 502 )', // composer/composer#9810
    ],
    miss: ['  The "https://packagist.org/p/provider-2019-10%2432a0.json" file could not be downloaded (HTTP/1.1 404 Not Found)'], // composer/composer#9112
  },
};
