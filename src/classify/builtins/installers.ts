// Installers outside the language registries: Chocolatey and other .NET HTTP clients on Windows
// runners, Composer's downloader, node-gyp's headers, rustup's toolchains, Playwright's browsers and gpg's keyservers.
// Each quotes the client's own wording of a server error or a network failure; 4xx answers (a missing
// package, a bad token) are left to the job.
// Credits: shapes seen in public issue threads (chocolatey/choco#1609, svenstaro/upx-action#41,
// composer/composer#9810, composer/composer#12535, nodejs/node-gyp#2847 and #1146,
// rust-lang/rustup#1328, rust-lang/infra-team#16, microsoft/playwright#28329 and #42578);
// re-expressed, not copied.
import type { PatternInput } from "../../model/config-schema.js";
import { CHATTER_OR_LOCAL, TEST_CHATTER } from "./noise.js";

export const installerPatterns: PatternInput[] = [
  {
    id: "dotnet.http-5xx",
    regex: String.raw`Response status code does not indicate success: (?:5\d\d|429)\b|The remote server returned an error: \((?:5\d\d|429)\)|"Unable to connect to the remote server"|Exception calling "GetResponse" with "0" argument\(s\): "The operation has timed out`,
    class: "flaky",
    category: "registry",
    description: "A .NET HTTP client (Chocolatey, NuGet, PowerShell) got a server error or no connection.",
    unless: TEST_CHATTER,
  },
  {
    id: "composer.download",
    regex: String.raw`curl error (?:6|7|28|35|52|56) while downloading\b|The "https?://[^"\n]+" file could not be downloaded \(HTTP/[\d.]+ (?:5\d\d|429)\b`,
    class: "flaky",
    category: "registry",
    description: "Composer could not download from Packagist or a package host (network or server error).",
    unless: TEST_CHATTER,
  },
  {
    id: "node-gyp.headers",
    regex: String.raw`gyp ERR! stack Error: (?:5\d\d|429) (?:response|status code) downloading\b`,
    class: "flaky",
    category: "registry",
    description: "node-gyp could not download Node's headers (server error).",
  },
  {
    // rustup's own "could not download file" and reqwest's cause, both only for the Rust dist server.
    id: "rustup.download",
    regex: String.raw`could not download file from 'https://static\.rust-lang\.org/[^'\n]+' to '|error sending request for url \(https://static\.rust-lang\.org/[^)\n]+\): (?:operation timed out|error trying to connect)`,
    class: "flaky",
    category: "registry",
    description: "rustup could not download a toolchain from static.rust-lang.org.",
    unless: TEST_CHATTER,
  },
  {
    id: "playwright.browser-download",
    regex: String.raw`Error: Request to https://(?:cdn\.playwright\.dev|playwright[\w.-]*\.azureedge\.net)/\S+ timed out after \d+ms|Error: Download failed: (?:server closed connection|server returned code (?:5\d\d|429)\b)`,
    class: "flaky",
    category: "registry",
    description: "Playwright could not download a browser build (timeout, cut-off or server error).",
    unless: CHATTER_OR_LOCAL,
  },
  {
    // gpg's keyserver fetch (apt-key adv, docker images' release-key checks): keyservers are a
    // known flaky dependency (docker-library/cassandra#239). "No data" (the key is not there) is not here.
    id: "gpg.keyserver",
    regex: String.raw`gpg: (?:keyserver receive failed|failed to receive from keyserver): (?:Server indicated a failure|Connection timed out|Try again later|No route to host|Network is unreachable|Connection refused)`,
    class: "flaky",
    category: "network",
    description: "gpg could not fetch a key from a keyserver.",
    unless: TEST_CHATTER,
  },
];
