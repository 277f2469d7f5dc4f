// Package and image registries that answered with a server error, a rate limit or nothing at all.
// Anchored on each tool's own error prefix (`npm ERR!`, `[ERROR]`, `E:`, `ERROR:`) so a warning that
// the tool recovered from, or a test that prints the words, does not count.
// Credits: apt "E: Failed to fetch", npm "npm ERR! code" and Docker daemon shapes re-expressed from
// pytorch/test-infra's log classifier ruleset.toml and flaky-rules.json (BSD-3-Clause); Docker pull
// failures from GitLab's glci failure categories (MIT).
import type { PatternInput } from "../../model/config-schema.js";
import { LOCAL_HOST, TEST_CHATTER } from "./noise.js";

const npm = String.raw`npm (?:ERR!|error)`;

export const registryPatterns: PatternInput[] = [
  {
    id: "npm.registry-5xx",
    regex: String.raw`${npm} (?:code E5\d\d\b|5\d\d [A-Z][\w ]* - (?:GET|HEAD|PUT) https?://)`,
    class: "flaky",
    category: "registry",
    description: "The npm registry answered with a server error.",
  },
  {
    id: "npm.rate-limited",
    regex: String.raw`${npm} (?:code E429\b|429 Too Many Requests - (?:GET|HEAD) https?://)`,
    class: "flaky",
    category: "rate-limit",
    description: "The npm registry rate-limited the job.",
  },
  {
    id: "npm.network",
    regex: String.raw`${npm} (?:code|errno) (?:ECONNRESET|ETIMEDOUT|EAI_AGAIN|ESOCKETTIMEDOUT|EPIPE|ERR_SOCKET_TIMEOUT)\b|${npm} network (?:request to https?://\S+ failed|Socket timeout|aborted)|${npm} request to https?://\S+ failed, reason: (?:(?:getaddrinfo|connect|read|write) )?(?:EAI_AGAIN|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)\b|${npm} request to https?://\S+ failed, reason: (?:socket hang up|Client network socket disconnected)`,
    class: "flaky",
    category: "network",
    description: "npm lost the network while talking to the registry.",
    unless: LOCAL_HOST,
  },
  {
    id: "yarn.network",
    regex: String.raw`error An unexpected error occurred: "https?://[^"\n]+: (?:(?:connect|read) )?(?:ESOCKETTIMEDOUT|ETIMEDOUT|ECONNRESET|EAI_AGAIN|socket hang up|Request failed \\"5\d\d|getaddrinfo)|\berror https?://\S+: Request failed \\?"(?:5\d\d|429)\b|YN0001: .{0,80}(?:RequestError|HTTPError): (?:Response code 5\d\d|Socket connection timeout|Request timeout|.*(?:ETIMEDOUT|ECONNRESET|EAI_AGAIN|socket hang up))`,
    class: "flaky",
    category: "network",
    description: "yarn could not download from the registry.",
  },
  {
    id: "pnpm.fetch",
    regex: String.raw`ERR_PNPM_(?:META_FETCH_FAIL|FETCH_5\d\d|FETCH_429|TARBALL_FETCH_FAIL)\b`,
    class: "flaky",
    category: "registry",
    description: "pnpm could not fetch package metadata or a tarball.",
  },
  {
    id: "pip.http-5xx",
    regex: String.raw`ERROR: HTTP error (?:5\d\d|429) while getting https?://`,
    class: "flaky",
    category: "registry",
    description: "PyPI (or the configured index) answered with a server error.",
  },
  {
    id: "pip.network",
    regex: String.raw`ERROR: Could not install packages due to an (?:OSError|EnvironmentError): (?:HTTPSConnectionPool|HTTPConnectionPool|\(?'Connection aborted)|pip\._vendor\.urllib3\.exceptions\.(?:ReadTimeoutError|ProtocolError|NewConnectionError|ConnectTimeoutError|IncompleteRead)\b|pip\._vendor\.requests\.exceptions\.(?:ConnectionError|ChunkedEncodingError|ReadTimeout|ConnectTimeout)\b`,
    class: "flaky",
    category: "network",
    description: "pip lost the connection to the package index.",
    // Not the job's own index, nor a host that does not exist or refuses: a wrong --index-url.
    unless: String.raw`${LOCAL_HOST}|\[Errno (?:-2|8|111)\] (?:Name or service not known|nodename nor servname|Connection refused)`,
  },
  {
    id: "uv.fetch",
    regex: String.raw`error: (?:Error while fetching remote python downloads json|Request failed after \d+ retr(?:y|ies)|Failed to fetch: \x60https?://[^\x60\n]+\x60[ \t]*$)`,
    class: "flaky",
    category: "registry",
    description: "uv could not download from the package index or Python mirror.",
  },
  {
    id: "maven.transfer",
    // 501 is Maven Central refusing plain HTTP since 2020: permanent, so not among the server errors.
    regex: String.raw`\[ERROR\] .*Could not (?:transfer|resolve|download) .*(?:\b5\d\d [A-Z][a-z]|(?:Transfer failed for \S+|status code:?|Return code is:) (?:50[02-9]|5[1-9]\d)\b|\b(?:50[02-9]|5[1-9]\d) between bytes timeout|\b429 Too Many|Connection reset|Connect(?:ion)? timed out|Read timed out|Remote host terminated the handshake|Network is unreachable|Temporary failure in name resolution|Premature end of (?:Content-Length delimited|chunk coded) message body)`,
    class: "flaky",
    category: "registry",
    description: "Maven could not download from an artifact repository (server error, reset or timeout).",
  },
  {
    id: "gradle.repo-http",
    // The truncated download and the timeouts only in Gradle's "> cause" chain: a bare
    // ConnectionClosedException line can be a test of the code's own HTTP server failing, and a timeout
    // nested under "Could not GET" (travis-ci/travis-ci#9059) is resolution, while a task's own
    // "> Read timed out" stands at the chain's top, unindented.
    regex: String.raw`Could not (?:GET|HEAD) '[^'\n]+'\. Received status code (?:5\d\d|429) from server|Server returned HTTP response code: (?:5\d\d|429) for URL: https://services\.gradle\.org/|java\.io\.IOException: Downloading from https?://\S+ failed: timeout\b|(?:^|\s)> Premature end of (?:Content-Length delimited|chunk coded) message body|^\s{3,}> (?:Read timed out|Connect timed out|Connection reset|Remote host terminated the handshake)$`,
    class: "flaky",
    category: "registry",
    description: "Gradle (or its wrapper download) got a server error, a timeout or a cut-off download from a repository.",
  },
  {
    id: "gradle.lock-timeout",
    regex: String.raw`Timeout waiting to lock .+\. It is currently in use by another Gradle instance`,
    class: "flaky",
    category: "workspace",
    description: "Another Gradle process held a shared cache lock (shared self-hosted runner).",
  },
  {
    id: "apt.fetch-failed",
    regex: String.raw`\b(?:E|Error): Failed to fetch \S+[ \t]+(?:5\d\d\b|Hash Sum mismatch|Connection failed|Connection timed out|Could not connect|Could not resolve|Temporary failure resolving|Unable to connect|Undetermined Error|Error reading from server|File has unexpected size|Clearsigned file isn't valid|Bad header line)|\b(?:E|Error): Some index files failed to download`,
    class: "flaky",
    category: "registry",
    description: "apt could not download from a package mirror.",
  },
  {
    id: "apt.dpkg-lock",
    regex: String.raw`\bE: Could not get lock /var/lib/(?:dpkg/lock(?:-frontend)?|apt/lists/lock)|\bdpkg: error: dpkg frontend (?:lock was locked|is locked) by another process`,
    class: "flaky",
    category: "runner",
    description: "Another apt/dpkg process (often unattended-upgrades on the runner) held the package lock.",
  },
  {
    // apk-tools' network errors for a repository index or a package (gliderlabs/docker-alpine#565,
    // namespacelabs/foundation#60). Not "unable to select packages", which a misspelt package prints
    // too, nor apk 3.20's "WARNING: updating and opening …": apk carries on after it, and inside
    // `docker build` (lines tagged "#5 1.2 ") it would not read as a warning.
    id: "apk.fetch",
    regex: String.raw`\bERROR: \S+: (?:temporary error \(try again later\)|DNS lookup error|network unreachable|network connection aborted|operation timed out)$`,
    class: "flaky",
    category: "registry",
    description: "apk could not download from an Alpine mirror (network or temporary error).",
    unless: TEST_CHATTER,
  },
  {
    id: "docker.rate-limit",
    regex: String.raw`toomanyrequests: (?:You have reached your (?:unauthenticated )?pull rate limit|Too Many Requests|Rate exceeded|retry-after: )`,
    class: "flaky",
    category: "rate-limit",
    description: "Docker Hub's pull rate limit was reached.",
    unless: TEST_CHATTER,
  },
  {
    id: "docker.registry-unavailable",
    regex: String.raw`(?:Error response from daemon|failed to (?:do request|resolve source metadata|copy|fetch (?:oauth|anonymous) token|authorize)|error pulling image configuration).*(?:received unexpected HTTP status: 5\d\d|unexpected status(?: code)?(?: from \w+ request to \S+| https?://\S+)?:? 5\d\d|net/http: (?:TLS handshake timeout|request canceled)|context deadline exceeded|i/o timeout|connection reset by peer|Client\.Timeout exceeded|https?://[^\s"]+"?: (?:unexpected )?EOF\b)|failed to solve: (?:rpc error: code = \w+ desc = )?unexpected status: 5\d\d`,
    class: "flaky",
    category: "registry",
    description: "A container registry (Docker Hub, ghcr.io, …) failed or timed out during pull or push.",
    unless: TEST_CHATTER,
  },
  {
    id: "docker.push-5xx",
    regex: String.raw`(?:failed to push \S+|unexpected status from (?:PUT|POST|PATCH|HEAD|GET) request to \S+|received unexpected HTTP status|error pushing \S+): (?:5\d\d|429)\b|blob upload unknown|error parsing HTTP 5\d\d response body`,
    class: "flaky",
    category: "registry",
    description: "The container registry failed (server error or rate limit) while an image was pushed.",
    unless: TEST_CHATTER,
  },
  {
    id: "cargo.download",
    // Not cargo's "failed to get `x` as a dependency" head line: a path dependency that is not there
    // prints it too (CeleritasCelery/rune#28); the network cause follows it on its own line.
    regex: String.raw`error: failed to download from \x60https://(?:static\.|index\.)?crates\.io.*$|failed to get (?:200|successful HTTP) response from \x60https?://[^\x60\n]+\x60(?: \([\d.:a-f]+\))?, got (?:5\d\d|429)\b|\[(?:6|7|28|35|52|56)\] (?:Couldn't resolve host name|Couldn't connect to server|Timeout was reached|SSL connect error|Server returned nothing|Failure when receiving data from the peer)`,
    class: "flaky",
    category: "registry",
    description: "cargo could not download crates.",
    unless: TEST_CHATTER,
  },
  {
    id: "go.proxy",
    regex: String.raw`\b(?:proxy|sum)\.golang\.org/\S*:? (?:\b5\d\d [A-Z]|dial tcp|.{0,40}i/o timeout|.{0,40}TLS handshake timeout|.{0,40}connection reset by peer|unexpected EOF)|\breading https?://\S+/@(?:v|latest)\b\S*: (?:5\d\d|429)\b`,
    class: "flaky",
    category: "registry",
    description: "The Go module proxy (GOPROXY) or checksum database failed or timed out.",
    unless: TEST_CHATTER,
  },
  {
    id: "bundler.fetch",
    regex: String.raw`Could not fetch specs from https?://\S+ due to underlying error|Could not reach host [\w.-]+\. Check your network connection and try again|Gem::RemoteFetcher::(?:FetchError|UnknownHostError)|Bundler::HTTPError|Net::(?:OpenTimeout|ReadTimeout)\b.*rubygems`,
    class: "flaky",
    category: "registry",
    description: "Bundler/RubyGems could not reach the gem server.",
    unless: TEST_CHATTER,
  },
  {
    id: "nuget.service-index",
    // Only nuget.org, which needs no credentials: for a private feed (GitHub Packages, Azure Artifacts)
    // NU1301 is most often a missing token, with the 401 on the next line where no `unless` can see it;
    // a private feed's 5xx is caught on that line by dotnet.http-5xx.
    // Older SDKs print the same failure without the code ("error : Unable to load…"); NU1301 also
    // names a package's flat-container lookup on nuget.org.
    regex: String.raw`\berror(?: NU1301)? ?: (?:Unable to load the service index for source https://api\.nuget\.org/|Failed to retrieve information about '[^'\n]+' from remote source 'https://api\.nuget\.org/)`,
    class: "flaky",
    category: "registry",
    description: "NuGet could not load nuget.org's service index.",
  },
  {
    id: "conda.http",
    regex: String.raw`CondaHTTPError: HTTP (?:000 CONNECTION FAILED|5\d\d [A-Z ]+|429 TOO MANY REQUESTS) for url`,
    class: "flaky",
    category: "registry",
    description: "conda could not reach a channel.",
  },
];
