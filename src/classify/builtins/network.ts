// Network failures between the runner and the outside world: DNS, resets, timeouts, TLS.
// Each pattern quotes the error as a tool or runtime prints it (errno names, exception classes,
// curl's exit codes), and stands down for test chatter and for the job's own localhost servers.
// Credits: shapes learned from Mozilla build-buildbotcustom status/errors.py (MPL-2.0), GitLab's
// glci failure categories (MIT), pytorch/test-infra's log classifier (BSD-3-Clause) and Terragrunt's
// default retryable_errors (MIT); re-expressed, not copied.
import type { PatternInput } from "../../model/config-schema.js";
import { CHATTER_OR_LOCAL, TEST_CHATTER } from "./noise.js";

export const networkPatterns: PatternInput[] = [
  {
    id: "net.dns",
    regex: String.raw`getaddrinfo EAI_AGAIN\b|Temporary failure in name resolution|Could not resolve host: [\w.-]+|dial tcp: lookup [\w.-]+(?: on [\w.:\[\]]+)?: (?:server misbehaving|i/o timeout|no such host)|Caused by: (?:dns error|failed to lookup address information)|java\.net\.UnknownHostException: [\w.-]+|\[Errno -3\] (?:Temporary failure in name resolution|Try again)|getaddrinfo ENOTFOUND (?:registry\.npmjs\.org|registry\.yarnpkg\.com|(?:api\.|codeload\.)?github\.com|objects\.githubusercontent\.com|nodejs\.org)(?:$|[^\w.-])`,
    class: "flaky",
    category: "network",
    description: "A host name could not be resolved (DNS).",
    unless: CHATTER_OR_LOCAL,
  },
  {
    id: "net.connection-reset",
    regex: String.raw`\bread ECONNRESET\b|\bError: socket hang up\b|[Cc]onnection reset by peer|java\.net\.SocketException: Connection reset|ConnectionResetError: \[Errno 104\]|Connection aborted\.', RemoteDisconnected`,
    class: "flaky",
    category: "network",
    description: "The remote end reset the connection.",
    unless: CHATTER_OR_LOCAL,
  },
  {
    id: "net.timeout",
    regex: String.raw`java\.net\.SocketTimeoutException: (?:connect|Read) timed out|\bconnect ETIMEDOUT \d{1,3}(?:\.\d{1,3}){3}:\d+|dial tcp [\d.:\[\]a-f]+: (?:i/o timeout|connect: connection timed out)|net/http: (?:TLS handshake timeout|request canceled while waiting for connection)|Client\.Timeout exceeded while awaiting headers|Failed to establish a new connection: \[Errno 110\] Connection timed out|java\.net\.ConnectException: (?:Connection|Operation) timed out|Connect Timeout Error \(attempted address: [\w-]+(?:\.[\w-]+)+:\d+|SocketException \((?:110|10060)\): (?:Connection timed out|A connection attempt failed)`,
    class: "flaky",
    category: "network",
    description: "A network connection or read timed out.",
    unless: CHATTER_OR_LOCAL,
  },
  {
    // urllib3's own wording, as requests, pip and poetry print it (python-poetry/poetry#6009,
    // pypi/support#2831). A public host only: a compose service ('db') or a cluster-internal name
    // timing out is the job's own environment.
    id: "net.urllib3-timeout",
    regex: String.raw`HTTPS?ConnectionPool\(host='[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}', port=\d+\): (?:Read timed out\.|Max retries exceeded with url: .*\(Caused by (?:ConnectTimeoutError|ReadTimeoutError)\()`,
    class: "flaky",
    category: "network",
    description: "A Python HTTP client (requests, pip, poetry) timed out connecting to or reading from a remote host.",
    unless: String.raw`${CHATTER_OR_LOCAL}|host='[^'\n]*\.(?:local|internal|test|localdomain|svc|example)'`,
  },
  {
    id: "net.unreachable",
    regex: String.raw`Could not create connection to [\w.-]+:\d+|Failed to connect to [\w.-]+ port \d+(?: after \d+ ms)?: (?:Connection timed out|Network is unreachable|No route to host|Couldn't connect to server)|connect ENETUNREACH\b|connect EHOSTUNREACH\b|Failed to establish a new connection: \[Errno (?:101|113)\] (?:Network is unreachable|No route to host)|java\.net\.NoRouteToHostException\b`,
    class: "flaky",
    category: "network",
    description: "A remote host could not be reached.",
    unless: CHATTER_OR_LOCAL,
  },
  {
    id: "net.httpclient-connect",
    regex: String.raw`Connect to [\w.-]+:\d+ \[[^\]\n]*\] failed: (?:Connect(?:ion)? timed out|Read timed out|Connection refused|Network is unreachable|No route to host)`,
    class: "flaky",
    category: "network",
    description: "A Java HTTP client (Maven, Gradle) could not connect to a remote repository.",
    unless: CHATTER_OR_LOCAL,
  },
  {
    id: "net.curl",
    // Also libcurl through PHP (Guzzle's "cURL error 28: …") and wget's own wording.
    regex: String.raw`curl: \((?:6|7|28|35|52|56)\) |curl: \(22\) The requested URL returned error: (?:5\d\d|429)\b|\bcURL error (?:6|7|28|35|52|56): |\bwget: unable to resolve host address\b|\bConnecting to [\w-]+(?:\.[\w-]+)+ \([^)\n]*\)\|[^|\n]*\|:\d+\.\.\. failed: (?:Connection timed out|Network is unreachable|No route to host)\.|^ERROR (?:5\d\d|429): [A-Z]`,
    class: "flaky",
    category: "network",
    description: "curl, libcurl or wget failed on the network (resolve, connect, timeout, TLS, empty reply, server error).",
    unless: CHATTER_OR_LOCAL,
  },
  {
    id: "net.tls-handshake",
    regex: String.raw`(?:OpenSSL )?SSL_connect: SSL_ERROR_SYSCALL|gnutls_handshake\(\) failed|GnuTLS recv error \(-\d+\)|TLS handshake timeout|Remote host terminated the handshake|SSL: UNEXPECTED_EOF_WHILE_READING`,
    class: "flaky",
    category: "network",
    description: "A TLS handshake failed or was cut off.",
    unless: CHATTER_OR_LOCAL,
  },
  {
    id: "net.tls-protocol-version",
    regex: String.raw`Received fatal alert: protocol_version`,
    class: "known-problem",
    category: "network",
    description: "The server refuses the TLS version the job's runtime offers (old JDK); re-running will not help.",
    unless: TEST_CHATTER,
  },
];
