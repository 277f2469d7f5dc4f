// Installers outside the language registries: Chocolatey and other .NET HTTP clients on Windows
// runners, and Composer's downloader. Each quotes the client's own wording of a server error or a
// network failure; 4xx answers (a missing package, a bad token) are left to the job.
// Credits: shapes seen in public issue threads (chocolatey/choco#1609, svenstaro/upx-action#41,
// composer/composer#9810, composer/composer#12535); re-expressed, not copied.
import type { PatternInput } from "../../model/config-schema.js";
import { TEST_CHATTER } from "./noise.js";

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
];
