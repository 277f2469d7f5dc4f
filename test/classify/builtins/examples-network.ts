// Examples for registry and network built-ins (see examples-runner.ts for the shape).
import type { Examples } from "./examples-runner.js";

export const networkExamples: Record<string, Examples> = {
  "npm.registry-5xx": {
    match: ["npm ERR! code E503", "npm error 502 Bad Gateway - GET https://registry.npmjs.org/left-pad"],
    miss: ["npm ERR! code E404", "npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd"],
  },
  "npm.rate-limited": {
    match: ["npm ERR! code E429", "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/react"],
    miss: ["npm WARN deprecated request@2.88.2: request has been deprecated"],
  },
  "npm.network": {
    match: ["npm ERR! code ECONNRESET", "npm error network request to https://registry.npmjs.org/react failed, reason: read ETIMEDOUT"],
    miss: ["npm ERR! code ERESOLVE", "    expect(code).toBe('ECONNRESET')"],
  },
  "yarn.network": {
    match: [
      'error An unexpected error occurred: "https://registry.yarnpkg.com/react/-/react-18.2.0.tgz: ESOCKETTIMEDOUT".',
      'error An unexpected error occurred: "https://registry.yarnpkg.com/x: Request failed \\"503 Service Unavailable\\"".',
    ],
    miss: ['error An unexpected error occurred: "https://registry.yarnpkg.com/@org%2fprivate: Not found".', "info There appears to be trouble with your network connection. Retrying..."],
  },
  "pnpm.fetch": {
    match: [" ERR_PNPM_META_FETCH_FAIL  GET https://registry.npmjs.org/react: request to https://registry.npmjs.org/react failed, reason: read ECONNRESET"],
    miss: [" ERR_PNPM_NO_MATCHING_VERSION  No matching version found for react@99.0.0"],
  },
  "pip.http-5xx": {
    match: ["ERROR: HTTP error 503 while getting https://files.pythonhosted.org/packages/ab/cd/numpy-1.26.0.tar.gz"],
    miss: ["ERROR: HTTP error 404 while getting https://files.pythonhosted.org/packages/ab/cd/nope-1.0.tar.gz"],
  },
  "pip.network": {
    match: [
      "ERROR: Could not install packages due to an OSError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Max retries exceeded with url: /packages/x.whl",
      "pip._vendor.urllib3.exceptions.ReadTimeoutError: HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out.",
    ],
    miss: ["ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/python3/dist-packages/x'"],
  },
  "uv.fetch": {
    match: [
      "error: Error while fetching remote python downloads json from 'https://raw.githubusercontent.com/astral-sh/uv/0.11.29/crates/uv-python/download-metadata.json'",
      "error: Request failed after 3 retries",
    ],
    miss: ["error: No solution found when resolving dependencies:"],
  },
  "maven.transfer": {
    match: [
      "[ERROR] Plugin fr.inria.gforge.spoon:spoon-maven-plugin:3.5-SNAPSHOT or one of its dependencies could not be resolved: Failed to read artifact descriptor for fr.inria.gforge.spoon:spoon-maven-plugin:jar:3.5-SNAPSHOT: Could not transfer artifact fr.inria.gforge.spoon:spoon-maven-plugin:pom:3.5-SNAPSHOT from/to ow2.org-snapshot (https://repository.ow2.org/nexus/content/repositories/snapshots/): Transfer failed for https://repository.ow2.org/nexus/content/repositories/snapshots/fr/inria/gforge/spoon/spoon-maven-plugin/3.5-SNAPSHOT/spoon-maven-plugin-3.5-SNAPSHOT.pom 503 Service Unavailable -> [Help 1]",
      "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.x:app:jar:1.0: Could not transfer artifact org.x:y:jar:1.0 from/to central (https://repo.maven.apache.org/maven2): Connection reset -> [Help 1]",
    ],
    miss: [
      "[WARNING] Could not transfer metadata fr.inria.gforge.spoon:spoon-maven-plugin:3.5-SNAPSHOT/maven-metadata.xml from/to ow2.org-snapshot (https://repository.ow2.org/nexus/content/repositories/snapshots/): Transfer failed for https://repository.ow2.org/nexus/content/repositories/snapshots/x/maven-metadata.xml 503 Service Unavailable",
      "[ERROR] Failed to execute goal on project app: Could not resolve dependencies for project com.x:app:jar:1.0: Could not find artifact org.x:y:jar:1.0 in central (https://repo.maven.apache.org/maven2) -> [Help 1]",
    ],
  },
  "gradle.repo-http": {
    match: ["   > Could not GET 'https://repo.maven.apache.org/maven2/x/y/1.0/y-1.0.pom'. Received status code 502 from server: Bad Gateway", "Exception in thread \"main\" java.io.IOException: Server returned HTTP response code: 503 for URL: https://services.gradle.org/distributions/gradle-8.5-bin.zip"],
    miss: ["   > Could not GET 'https://maven.pkg.github.com/org/repo/x/1.0/x-1.0.pom'. Received status code 401 from server: Unauthorized"],
  },
  "gradle.lock-timeout": {
    match: ["Timeout waiting to lock journal cache (/home/ci/.gradle/caches/journal-1). It is currently in use by another Gradle instance."],
    miss: ["Gradle daemon started in 1.2 s; waiting to lock build output"],
  },
  "apt.fetch-failed": {
    match: ["E: Failed to fetch http://azure.archive.ubuntu.com/ubuntu/pool/main/x/x_1.0_amd64.deb  503  Service Unavailable [IP: 40.81.13.82 80]", "E: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/jammy/InRelease  Temporary failure resolving 'archive.ubuntu.com'", "E: Some index files failed to download. They have been ignored, or old ones used instead."],
    miss: ["E: Failed to fetch http://azure.archive.ubuntu.com/ubuntu/pool/main/x/x_1.0_amd64.deb  404  Not Found [IP: 40.81.13.82 80]", "E: Unable to locate package libfoo-dev"],
  },
  "apt.dpkg-lock": {
    match: ["E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 2180 (unattended-upgr)"],
    miss: ["Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 2180 (unattended-upgr)... 5s"],
  },
  "docker.push-5xx": {
    match: [
      "ERROR: failed to solve: failed to push ghcr.io/acme/app:sha-1a2b3c4: unexpected status from PUT request to https://ghcr.io/v2/acme/app/manifests/sha-1a2b3c4: 500 Internal Server Error",
      "error parsing HTTP 503 response body: invalid character '<' looking for beginning of value",
      "failed to push docker.io/acme/app:latest: 502 Bad Gateway",
    ],
    miss: ["ERROR: failed to solve: failed to push ghcr.io/acme/app:1: unexpected status from PUT request to https://ghcr.io/v2/acme/app/manifests/1: 403 Forbidden", "The push refers to repository [docker.io/acme/app]"],
  },
  "docker.rate-limit": {
    match: ["Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"],
    miss: ["it('surfaces toomanyrequests: You have reached your pull rate limit', () => {"],
  },
  "docker.registry-unavailable": {
    match: [
      'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
      'Error response from daemon: Head "https://ghcr.io/v2/org/img/manifests/latest": received unexpected HTTP status: 503 Service Unavailable',
      "ERROR: failed to solve: failed to do request: Head \"https://ghcr.io/v2/org/img/manifests/v1\": dial tcp 140.82.112.33:443: i/o timeout",
    ],
    miss: ['Error response from daemon: manifest for org/img:nope not found: manifest unknown', 'Error response from daemon: Head "https://ghcr.io/v2/org/img/manifests/latest": denied'],
  },
  "cargo.download": {
    match: ["error: failed to download from `https://static.crates.io/crates/serde/1.0.0/download`", "  [28] Timeout was reached (Operation timed out after 30000 milliseconds with 0 bytes received)"],
    miss: ["error: failed to select a version for the requirement `serde = \"^9\"`"],
  },
  "go.proxy": {
    match: ["go: github.com/x/y@v1.2.3: reading https://proxy.golang.org/github.com/x/y/@v/v1.2.3.mod: 502 Bad Gateway", 'go: github.com/x/y@v1.2.3: Get "https://proxy.golang.org/github.com/x/y/@v/v1.2.3.mod": dial tcp 142.250.1.1:443: i/o timeout'],
    miss: ["go: github.com/x/y@v1.2.3: reading https://proxy.golang.org/github.com/x/y/@v/v1.2.3.mod: 404 Not Found"],
  },
  "bundler.fetch": {
    match: ["Could not fetch specs from https://rubygems.org/ due to underlying error <Net::OpenTimeout: execution expired (https://rubygems.org/specs.4.8.gz)>", "Gem::RemoteFetcher::FetchError: Errno::ECONNRESET: Connection reset by peer - SSL_connect (https://rubygems.org/gems/rake-13.0.6.gem)"],
    miss: ["Could not find gem 'rails (~> 99.0)' in rubygems repository https://rubygems.org/ or installed locally."],
  },
  "nuget.service-index": {
    match: ["/home/runner/work/app/App.csproj : error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json."],
    miss: ["/home/runner/work/app/App.csproj : error NU1101: Unable to find package Foo.Bar. No packages exist with this id in source(s): nuget.org"],
  },
  "conda.http": {
    match: ["CondaHTTPError: HTTP 000 CONNECTION FAILED for url <https://conda.anaconda.org/conda-forge/linux-64/repodata.json>"],
    miss: ["PackagesNotFoundError: The following packages are not available from current channels:"],
  },
  "net.dns": {
    match: ["Error: getaddrinfo EAI_AGAIN registry.npmjs.org", "curl: (6) Could not resolve host: example.com", "  Caused by: dns error", "java.net.UnknownHostException: repo.maven.apache.org"],
    miss: ["    expect(err.code).toBe('EAI_AGAIN')", "test_dns.py::test_temporary_failure_in_name_resolution PASSED"],
  },
  "net.connection-reset": {
    match: ["Caused by: java.net.SocketException: Connection reset", "Error: read ECONNRESET", "ssh_exchange_identification: read: Connection reset by peer"],
    miss: ['    assert msg == "connection reset"', "Error: connect ECONNRESET 127.0.0.1:5432", "  ✓ retries on Connection reset by peer (12 ms)"],
  },
  "net.timeout": {
    match: ["Test: testFetchHelpTopicContentNominal() took 15 sec(s) FAILED: java.net.SocketTimeoutException: connect timed out", "Error: connect ETIMEDOUT 104.16.23.35:443", 'Get "https://example.com/": net/http: TLS handshake timeout'],
    miss: ["Error: connect ETIMEDOUT 127.0.0.1:6379", "    expect(() => fetch()).toThrow('java.net.SocketTimeoutException: connect timed out')"],
  },
  "net.unreachable": {
    match: ['  signal(error ("Could not create connection to elpa.gnu.org:443"))', "curl: (7) Failed to connect to github.com port 443 after 129 ms: Connection timed out"],
    miss: ["curl: (7) Failed to connect to 127.0.0.1 port 3000 after 0 ms: Couldn't connect to server"],
  },
  "net.httpclient-connect": {
    match: ["> Connect to repo.maven.apache.org:443 [repo.maven.apache.org/199.232.192.215] failed: Connection timed out (Connection timed out)"],
    miss: ["> Connect to localhost:8080 [localhost/127.0.0.1] failed: Connection refused"],
  },
  "net.curl": {
    match: ["curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received", "curl: (22) The requested URL returned error: 502"],
    miss: ["curl: (22) The requested URL returned error: 404 Not Found", "curl: (7) Failed to connect to localhost port 8080: Connection refused"],
  },
  "net.tls-handshake": {
    match: ["error: OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to objects.githubusercontent.com:443", "javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake"],
    miss: ["javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target"],
  },
  "net.tls-protocol-version": {
    match: ["Could not transfer artifact clojure-complete:clojure-complete:jar:0.2.4 from/to clojars (https://repo.clojars.org/): Received fatal alert: protocol_version"],
    miss: ["    assertThat(alert).isEqualTo(\"Received fatal alert: protocol_version\")"],
  },
};
