// Examples for the breadth survey: built-ins added or widened for more CI systems and tools (Azure
// Pipelines, Buildkite, Bazel, Android, the Gradle wrapper, cargo's sparse index, pip's vendored
// requests, git over HTTP/2, LibreSSL and schannel). Match lines are quoted from the public thread
// beside each; near-misses put the same words in a genuine context (a 4xx, a test, a recovered poll).
import type { Examples } from "./examples-runner.js";

export const breadthExamples: Record<string, Examples> = {
  "azure.agent-lost": {
    match: [
      // dotnet/dnceng#1886
      "##[error]We stopped hearing from agent Azure Pipelines 32. Verify the agent machine is running and has a healthy network connection. Anything that terminates an agent process, starves it for CPU, or blocks its network access can cause this error. For more information, see: https://go.microsoft.com/fwlink/?linkid=846610",
      // microsoft/azure-pipelines-agent#2261
      "The agent: Hosted Agent lost communication with the server. Verify the machine is running and has a healthy network connection",
    ],
    miss: ["We stopped hearing from the agent team about the roadmap", "Agent Azure Pipelines 3 is running and has a healthy network connection."],
  },
  "buildkite.agent-lost": {
    match: [
      "Exited with status -1 (agent lost)", // rails/buildkite-config#2
      // buildkite/elastic-ci-stack-for-aws#971
      "Exited with status 255 (after intercepting the agent's termination signal, sent because the agent was stopped)",
    ],
    miss: ["🚨 Error: The command exited with status 1", "Exited with status -1 (the job was canceled)"],
  },
  "azure.job-timeout": {
    match: [
      // MicrosoftDocs/azure-devops-docs#13305
      "##[error]The job running on agent Azure Pipelines 2 ran longer than the maximum time of 60 minutes. For more information, see https://go.microsoft.com/fwlink/?linkid=2077134",
      "##[error]The job exceeded the maximum allowed time of 01:00:00 and was stopped.", // microsoft/azure-pipelines-yaml#227
    ],
    miss: ["test_job_ran_longer_than_the_maximum_time (tests.test_scheduler.TestLimits) ... ok", "timeoutInMinutes: 60"],
  },
  "disk.full": {
    match: [
      // marrlab/DomainLab#277: the runner itself could not write its page log
      "##[error]No space left on device : '/home/runner/runners/2.306.0/_diag/pages/ff19b11a-bf94-41ea-b14f-e1a6042dfd23_1.log'",
    ],
    miss: ["##[error]No such file or directory: 'dist/app.js'"],
  },
  "git.unable-to-access": {
    match: [
      "fatal: unable to access 'https://github.com/mannaandpoem/OpenManus.git/': Error in the HTTP2 framing layer", // FoundationAgents/OpenManus#343
      "fatal: unable to access 'https://github.com/acme/shop.git/': HTTP/2 stream 1 was reset",
      "fatal: unable to access 'https://github.com/acme/shop.git/': LibreSSL SSL_connect: SSL_ERROR_SYSCALL in connection to github.com:443",
      "fatal: unable to access 'https://github.com/acme/shop.git/': schannel: failed to receive handshake, SSL/TLS connection failed",
      "fatal: unable to access 'https://github.com/acme/shop.git/': Received HTTP code 503 from proxy after CONNECT",
    ],
    miss: [
      "fatal: unable to access 'https://github.com/acme/shop.git/': Received HTTP code 407 from proxy after CONNECT",
      "fatal: unable to access 'https://github.com/acme/shop.git/': SSL certificate problem: unable to get local issuer certificate",
    ],
  },
  "git.remote-hung-up": {
    match: [
      "error: RPC failed; HTTP 499 curl 18 HTTP/2 stream 7 was reset", // curl/curl#11201
      "error: RPC failed; curl 16 Error in the HTTP2 framing layer",
      "fatal: expected 'packfile'", // curl/curl#14923
    ],
    miss: ["error: RPC failed; HTTP 403 curl 22 The requested URL returned error: 403"],
  },
  "cargo.download": {
    match: [
      // rust-lang/crates.io#12482
      "#16 14.77   failed to get successful HTTP response from `https://index.crates.io/go/og/google-api-proto` (151.101.1.91), got 503",
      "error: failed to download from `https://index.crates.io/config.json`",
    ],
    miss: [
      // CeleritasCelery/rune#28: a path dependency that is not there
      "error: failed to get `get-size` as a dependency of package `text-buffer v0.1.0 (/home/declan/src/Rust/rune/crates/text-buffer)`",
      "  failed to get successful HTTP response from `https://index.crates.io/no/pe/nope` (151.101.1.91), got 404",
    ],
  },
  "nuget.service-index": {
    match: [],
    // A private feed's NU1301 is most often a missing credential (microsoft/azure-pipelines-tasks#14908).
    miss: ["/home/runner/work/app/App.csproj : error NU1301: Unable to load the service index for source https://nuget.pkg.github.com/acme/index.json."],
  },
  "pip.network": {
    match: [
      "pip._vendor.urllib3.exceptions.IncompleteRead: IncompleteRead(36977 bytes read, 279 more expected)", // pypa/pip#13965
      "pip._vendor.requests.exceptions.ChunkedEncodingError: (\"Connection broken: IncompleteRead(0 bytes read, 512 more expected)\", IncompleteRead(0 bytes read, 512 more expected))",
    ],
    miss: [
      "pip._vendor.requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=3141): Max retries exceeded with url: /root/dev/+simple/acme/",
      "pip._vendor.requests.exceptions.InvalidURL: Invalid URL 'acme': No scheme supplied",
    ],
  },
  "yarn.network": {
    match: ["➤ YN0001: │ RequestError: Socket connection timeout"], // yarnpkg/berry#5452
    miss: ["➤ YN0001: │ HTTPError: Response code 404 (Not Found)"],
  },
  "maven.transfer": {
    match: [
      "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.acme:app:jar:1.0: Could not transfer artifact org.acme:util:jar:1.0 from/to central (https://repo.maven.apache.org/maven2): Premature end of Content-Length delimited message body (expected: 1,234,567; received: 65,536) -> [Help 1]",
    ],
    miss: [],
  },
  "gradle.repo-http": {
    match: [
      "         > Premature end of Content-Length delimited message body (expected: 26945712; received: 8667072", // grpc/grpc#17037
      // google/tsunami-security-scanner#91
      'Exception in thread "main" java.io.IOException: Downloading from https://services.gradle.org/distributions/gradle-6.5-bin.zip failed: timeout',
      'Exception in thread "main" java.io.IOException: Downloading from https://services.gradle.org/distributions/gradle-8.0.2-bin.zip failed: timeout (10000ms)', // microsoft/vscode-gradle#1125
    ],
    miss: [
      "    org.apache.http.ConnectionClosedException: Premature end of Content-Length delimited message body (expected: 1048576; received: 65536)",
      'Exception in thread "main" java.io.FileNotFoundException: https://downloads.gradle.org/distributions/gradle-9.99-bin.zip',
    ],
  },
  "apt.dpkg-lock": {
    match: ["==> azure-arm.build_image: dpkg: error: dpkg frontend lock was locked by another process with pid 19603"], // actions/runner-images#13488
    miss: ["dpkg: error processing package libfoo (--configure):"],
  },
  "docker.registry-unavailable": {
    match: [
      "ERROR: failed to solve: failed to compute cache key: failed to copy: httpReadSeeker: failed open: unexpected status code https://ghcr.io/v2/acme/app/blobs/sha256:4f1a: 502 Bad Gateway",
    ],
    miss: ["ERROR: failed to solve: failed to compute cache key: failed to copy: httpReadSeeker: failed open: unexpected status code https://ghcr.io/v2/acme/app/blobs/sha256:4f1a: 401 Unauthorized"],
  },
  "bundler.fetch": {
    match: ["Could not reach host bundler.rubygems.org. Check your network connection and try again."], // Homebrew/legacy-homebrew#49671
    miss: ["Could not find gem 'rails (~> 99.0)' in locally installed gems."],
  },
  "bazel.download": {
    match: [
      // bazelbuild/bazel#23334
      "Error: Error in download_and_extract: java.io.IOException: Error downloading [https://github.com/bazelbuild/rules_rust/releases/download/0.49.1/rules_rust-v0.49.1.tar.gz] to /home/runner/.cache/bazel/_bazel_runner/9f4e/external/rules_rust~/temp1/rules_rust-v0.49.1.tar.gz: GET returned 502 Bad Gateway",
      // facebookresearch/CompilerGym#22
      "ERROR: no such package '@com_github_grpc_grpc//bazel': java.io.IOException: Error downloading [https://github.com/grpc/grpc/archive/v1.34.0.tar.gz] to /private/var/tmp/_bazel_runner/079b/external/com_github_grpc_grpc/v1.34.0.tar.gz: Tried to reconnect at offset 393,216 but server didn't support it",
    ],
    miss: [
      "Error in download_and_extract: java.io.IOException: Error downloading [https://github.com/acme/rules_acme/releases/download/v9/rules_acme-v9.tar.gz] to /tmp/x/rules_acme-v9.tar.gz: GET returned 404 Not Found",
      "Error in download: java.io.IOException: Error downloading [http://localhost:8080/x.tar.gz] to /tmp/x.tar.gz: connect timed out",
    ],
  },
  "dotnet.http-5xx": {
    match: [
      // dtgm/chocolatey-packages#70 (Chocolatey's Get-WebHeaders)
      "ERROR: The remote file either doesn't exist, is unauthorized, or is forbidden for url 'https://sourceforge.net/projects/nsis/files/nsis-2.46-setup.exe'. Exception calling \"GetResponse\" with \"0\" argument(s): \"The operation has timed out\"",
    ],
    miss: ["Exception calling \"GetResponse\" with \"0\" argument(s): \"The remote server returned an error: (404) Not Found.\""],
  },
  "net.dns": {
    match: ["npm ERR! request to https://registry.npmjs.org/react failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org"],
    miss: ["FetchError: request to http://orders-api:8080/orders failed, reason: getaddrinfo ENOTFOUND orders-api", "Error: getaddrinfo ENOTFOUND github.com.acme.internal"],
  },
  "coverage.upload": {
    match: [
      // py-pdf/pypdf#2696
      'error - 2024-05-30 13:29:27,804 -- Commit creating failed: {"detail":"Tokenless has reached GitHub rate limit. Please upload using a token: https://docs.codecov.com/docs/adding-the-codecov-token. Expected available in 471 seconds."}',
      // stphivos/django-mock-queries#177
      "Error: 429 Client Error: Too Many Requests for url: https://codecov.io/upload/v2?commit=525ad5a9&branch=changelog&service=github-actions",
    ],
    miss: ['error - 2024-05-30 13:29:27,804 -- Commit creating failed: {"message":"Token required because branch is protected"}'],
  },
  "android.device-offline": {
    match: [
      // dotnet/android#11830
      "Xamarin.Android.Common.Debugging.targets(107,2): error XAGCPU7000: Mono.AndroidTools.AdbException: device offline",
      // FlowCrypt/flowcrypt-android#1116
      "java.util.concurrent.ExecutionException: java.lang.RuntimeException: java.lang.RuntimeException: com.android.ddmlib.AdbCommandRejectedException: device offline",
      "cmd: Can't find service: package", // dotnet/xharness#612
    ],
    // android-emulator-runner's poll while the emulator boots (ReactiveCircus/android-emulator-runner#266)
    miss: ["adb: device offline", "  ✓ shows the device offline banner (4 ms)"],
  },
};

export const breadthMoreExamples: Record<string, Examples> = {
  "disk.low-space": {
    match: [
      // cloud-pi-native/socle#532 (GitLab's Kubernetes executor)
      "WARNING: Event retrieved from the cluster: The node was low on resource: ephemeral-storage. Threshold quantity: 16023864137, available: 12671572Ki. Container build was using 1639680Ki, request is 0, has larger consumption of ephemeral-storage.",
    ],
    miss: ["  ✓ evicts pods when The node was low on resource: ephemeral-storage (3 ms)"],
  },
  "oom.kernel": {
    match: ["  Warning  Evicted  44s  kubelet  The node was low on resource: memory. Container build was using 7340032Ki, which exceeds its request of 4Gi."],
    miss: ["The node was low on memory pressure alerts: 0"],
  },
  "net.curl": {
    match: [
      "GuzzleHttp\\Exception\\ConnectException: cURL error 28: Connection timed out after 10001 milliseconds (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)",
      "wget: unable to resolve host address ‘github.com’",
      "Connecting to github.com (github.com)|140.82.112.4|:443... failed: Connection timed out.",
      "ERROR 503: Service Unavailable.",
    ],
    miss: [
      "GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to localhost port 8080: Connection refused",
      "ERROR 404: Not Found.",
      "Connecting to localhost (localhost)|127.0.0.1|:8080... failed: Connection refused.",
      "Connecting to api (api)|172.18.0.3|:3000... failed: Connection timed out.",
    ],
  },
  "node-gyp.headers": {
    match: [
      "15:31:41  gyp ERR! stack Error: 500 response downloading https://nodejs.org/download/release/v14.15.0/node-v14.15.0-headers.tar.gz", // nodejs/node-gyp#2847
      "gyp ERR! stack Error: 522 response downloading https://nodejs.org/download/release/v7.7.2/node-v7.7.2-headers.tar.gz", // nodejs/node-gyp#1146
    ],
    miss: ["npm ERR! gyp ERR! stack Error: 403 response downloading http://mirrors.sh.ctriptravel.com/nodejs.org/dist/v16.14.0/node-v16.14.0-headers.tar.gz"], // nodejs/node-gyp#2951
  },
  "rustup.download": {
    match: [
      // rust-lang/infra-team#16
      "error: could not download file from 'https://static.rust-lang.org/dist/channel-rust-nightly.toml.sha256' to '/home/travis/.rustup/tmp/o4tx0_y55x5dl6yn_file'",
      // rust-lang/rustup#1328
      "error: caused by: error sending request for url (https://static.rust-lang.org/rustup/release-stable.toml): operation timed out",
    ],
    miss: ["error: caused by: error sending request for url (http://127.0.0.1:8080/api/items): operation timed out", "error: toolchain '1.99' is not installable"],
  },
  "playwright.browser-download": {
    match: [
      "Error: Request to https://cdn.playwright.dev/builds/cft/153.0.8010.12/win64/chrome-win64.zip timed out after 30000ms", // microsoft/playwright#42578
      // microsoft/playwright#28329
      "131 MiB [=================== ] 96% 2.4sError: Download failed: server closed connection. URL: https://playwright.azureedge.net/builds/chromium/1092/chromium-mac-arm64.zip",
    ],
    miss: ["Error: apiRequestContext.get: Request timed out after 30000ms", "Error: Request to http://localhost:3000/api/health timed out after 5000ms"],
  },
  "terraform.registry": {
    match: [
      // hashicorp/terraform#31341
      "│ Could not retrieve the list of available versions for provider hashicorp/aws: could not query provider registry for registry.terraform.io/hashicorp/aws: the request failed after 2",
      'registry.terraform.io: Failed to request discovery document: Get "https://registry.terraform.io/.well-known/terraform.json": context deadline exceeded',
    ],
    miss: [
      "│ Could not retrieve the list of available versions for provider acme/nope: provider registry registry.terraform.io does not have a provider named registry.terraform.io/acme/nope",
    ],
  },
  "cocoapods.cdn": {
    match: [
      "[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/all_pods_versions_f_2_0.txt Response: Timeout was reached", // CocoaPods/CocoaPods#9618
      "CDN: trunk URL couldn't be downloaded: https://cdn.jsdelivr.net/cocoa/Specs/a/7/5/AFNetworking/3.2.0/AFNetworking.podspec.json Response: SSL connect error", // CocoaPods/CocoaPods#11939
    ],
    miss: [
      "[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/CocoaPods-version.yml Response: 403", // CocoaPods/CocoaPods#11355
      "[!] CDN: trunk URL couldn't be downloaded: https://cdn.cocoapods.org/CocoaPods-version.yml Response: URL using bad/illegal format or missing URL", // CocoaPods/CocoaPods#11159
    ],
  },
  "nix.download": {
    match: [
      "error: unable to download 'https://cache.nixos.org/nar/0g3mvx4rg81g9fdcjc5822v14vf73lnr84fcbxa8jdgciqa1m3qk.nar.xz': HTTP error 503", // NixOS/infra#207
      "error: unable to download 'https://cache.nixos.org/nar/1abc.nar.xz': HTTP error 200 (curl error: Timeout was reached)", // NixOS/nixpkgs#65015
    ],
    miss: ["error: unable to download 'https://github.com/acme/nope/archive/v1.tar.gz': HTTP error 404"],
  },
  "gradle.repo-http": {
    match: ["               > Read timed out"], // travis-ci/travis-ci#9059, under "> Could not GET '…'"
    miss: ["> Read timed out"],
  },
  "oom.killed": {
    match: ['Received "killed" signal'], // PetroFit/petrofit#63, digitalfabrik/integreat-cms#2203
    miss: ['  ✓ reports Received "killed" signal to the user (2 ms)', "Received killed signal from supervisor; shutting down worker 3 (test_supervisor.py)"],
  },
  "oom.exit-137": {
    match: ["Exited with code exit status 137"], // regro/libcfgraph#17
    miss: ["Exited with code exit status 1"],
  },
  "circleci.infrastructure-fail": {
    match: [
      // kipoi/kipoi#426
      "CircleCI was unable to execute the job to completion, because the CircleCI agent received a kill signal midway through the job.",
    ],
    miss: ["CircleCI was unable to find the config file .circleci/config.yml"],
  },
  "net.unreachable": {
    match: ["urllib3.exceptions.NewConnectionError: <urllib3.connection.HTTPSConnection object at 0x7f1c>: Failed to establish a new connection: [Errno 101] Network is unreachable"],
    miss: ["urllib3.exceptions.NewConnectionError: <urllib3.connection.HTTPConnection object at 0x7f1c>: Failed to establish a new connection: [Errno 111] Connection refused"],
  },
  "net.timeout": {
    match: [
      "  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: registry.npmjs.org:443, timeout: 10000ms)",
      "System.Net.Http.HttpRequestException: Connection timed out (api.nuget.org:443) ---> System.Net.Sockets.SocketException (110): Connection timed out",
      "Caused by: java.net.ConnectException: Connection timed out (Connection timed out)", "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.org', port=443): Max retries exceeded with url: /v1 (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno 110] Connection timed out'))"],
    miss: ["requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8000): Max retries exceeded with url: /api (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 110] Connection timed out'))", "java.net.ConnectException: Connection refused", "  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: localhost:3000, timeout: 10000ms)", "System.Net.Sockets.SocketException (111): Connection refused", "  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: api:3000, timeout: 10000ms)"],
  },
};
