// Git fetch/clone failures against the remote, and workspace states a CI agent left behind.
// Credits: "remote end hung up", "couldn't find remote ref"-style shapes from GitLab's glci failure
// categories (MIT); Jenkins "ERROR: Error fetching remote repo", GitException and "Cannot rebase"
// from nodejs/node-core-utils lib/ci/ci_failure_parser.js (MIT); re-expressed, not copied.
import type { PatternInput } from "../../model/config-schema.js";
import { TEST_CHATTER } from "./noise.js";

export const gitPatterns: PatternInput[] = [
  {
    id: "git.http-5xx",
    regex: String.raw`(?:fatal|error): unable to access '[^'\n]+': The requested URL returned error: (?:5\d\d|429)\b|error: RPC failed; HTTP (?:5\d\d|429)\b`,
    class: "flaky",
    category: "git",
    description: "The git server answered with a server error or rate limit.",
  },
  {
    id: "git.unable-to-access",
    regex: String.raw`fatal: unable to access '[^'\n]+': (?:Could not resolve host|Failed to connect|Empty reply from server|Operation timed out|Connection timed out|Recv failure|OpenSSL SSL_(?:read|connect)|gnutls_handshake|GnuTLS recv error|SSL_ERROR_SYSCALL|HTTP/2 stream \d+ was (?:not closed cleanly|reset)|Error in the HTTP2 framing layer|transfer closed|Connection reset|Send failure|LibreSSL SSL_(?:read|connect)|schannel: (?:failed to receive handshake|server closed abruptly)|The TLS connection was non-properly terminated|Operation too slow|Received HTTP code 5\d\d from proxy after CONNECT)`,
    class: "flaky",
    category: "git",
    description: "git could not reach the remote (network).",
  },
  {
    id: "git.remote-hung-up",
    regex: String.raw`fatal: (?:the remote end hung up unexpectedly|early EOF|index-pack failed|protocol error: bad pack header|fetch-pack: invalid index-pack output|expected flush after ref listing|expected 'packfile')|error: RPC failed; (?:HTTP \d+ )?curl (?:16|18|28|55|56|92)\b`,
    class: "flaky",
    category: "git",
    description: "The git transfer was cut off mid-way.",
    unless: TEST_CHATTER,
  },
  {
    id: "git.ssh-connect",
    regex: String.raw`ssh: connect to host [\w.-]+ port \d+: (?:Connection timed out|Connection refused|Network is unreachable|Operation timed out)|ssh_dispatch_run_fatal: Connection to [\w.:-]+ port \d+: (?:Connection timed out|Broken pipe|Connection reset)|kex_exchange_identification: (?:Connection closed by remote host|read: Connection reset by peer)`,
    class: "flaky",
    category: "git",
    description: "The SSH connection to the git server failed.",
    unless: TEST_CHATTER,
  },
  {
    id: "jenkins.git-fetch",
    regex: String.raw`ERROR: Error (?:fetching|cloning) remote repo '[\w.-]+'`,
    class: "flaky",
    category: "git",
    description: "Jenkins could not fetch or clone the repository.",
    scope: "log",
  },
  {
    id: "git.index-lock",
    regex: String.raw`fatal: Unable to create '[^'\n]*\.git/(?:index|shallow|[\w/.-]+)\.lock': File exists`,
    class: "flaky",
    category: "workspace",
    description: "Another git process left a lock in a shared workspace.",
  },
  {
    id: "git.dirty-workspace",
    regex: String.raw`Cannot rebase: You have unstaged changes\.`,
    unless: TEST_CHATTER,
    class: "flaky",
    category: "workspace",
    description: "The agent's workspace was left dirty by an earlier build.",
    scope: "log",
  },
  {
    id: "git.unsafe-repository",
    regex: String.raw`fatal: (?:unsafe repository \('[^'\n]+' is owned by someone else\)|detected dubious ownership in repository at ')`,
    class: "known-problem",
    category: "git",
    description: "git's safe.directory check (CVE-2022-24765) rejects the checkout; add safe.directory, re-running will not help.",
    scope: "log",
  },
  {
    id: "git.lfs-quota",
    regex: String.raw`This repository is over its data quota\. Account responsible for LFS bandwidth should purchase more data packs`,
    class: "known-problem",
    category: "git",
    description: "The repository's Git LFS bandwidth quota is exhausted.",
    scope: "log",
  },
  {
    // git-lfs reports an LFS server's 5xx as "Server error: <url> from HTTP 502"; client errors (4xx) differ.
    id: "git.lfs-server-error",
    regex: String.raw`\bServer error:? https?://\S+ from HTTP (?:5\d\d|429)\b`,
    class: "flaky",
    category: "git",
    description: "The Git LFS server answered with a server error.",
    unless: TEST_CHATTER,
  },
];
