// Build and provisioning tools that fetch their own dependencies: Bazel's downloader, Terraform's
// provider registry, CocoaPods' CDN and Nix's binary cache. Each quotes the tool's own wording of a
// server error or a network failure; a 4xx (a missing archive, a forbidden spec) is the job's own.
// Credits: shapes seen in public issue threads (bazelbuild/bazel#23334, facebookresearch/CompilerGym#22,
// hashicorp/terraform#31341 and #30167, CocoaPods/CocoaPods#9618 and #11939, NixOS/nixpkgs#65015,
// NixOS/infra#207); re-expressed, not copied.
import type { PatternInput } from "../../model/config-schema.js";
import { CHATTER_OR_LOCAL, TEST_CHATTER } from "./noise.js";

export const buildToolPatterns: PatternInput[] = [
  {
    id: "bazel.download",
    regex: String.raw`Error downloading \[[^\]\n]+\] to \S+: (?:GET returned (?:5\d\d|429)\b|connect timed out|Read timed out|Connection reset|Tried to reconnect at offset [\d,]+ but server didn't support it)`,
    class: "flaky",
    category: "registry",
    description: "Bazel could not download an external repository (server error, timeout or reset).",
    unless: CHATTER_OR_LOCAL,
  },
  {
    // Terraform wraps long diagnostics, so each alternative is a phrase that stays on one line.
    id: "terraform.registry",
    regex: String.raw`provider registry for [\w./-]+: the request failed after \d+\b|Failed to request discovery document: Get "https://registry\.terraform\.io/`,
    class: "flaky",
    category: "registry",
    description: "Terraform could not reach the provider registry.",
    unless: TEST_CHATTER,
  },
  {
    id: "cocoapods.cdn",
    regex: String.raw`CDN: [\w-]+ URL couldn't be downloaded: \S+ Response: (?:Timeout was reached|SSL connect error|Couldn't connect to server|Couldn't resolve host name|Failure when receiving data from the peer|5\d\d\b)`,
    class: "flaky",
    category: "registry",
    description: "CocoaPods could not download specs from its CDN (timeout, TLS or server error).",
    unless: TEST_CHATTER,
  },
  {
    id: "nix.download",
    regex: String.raw`unable to download '[^'\n]+': (?:HTTP error (?:5\d\d|429)\b|HTTP error 200 \(curl error: |(?:Timeout was reached|Couldn't resolve host name|Couldn't connect to server|Failure when receiving data from the peer) \(\d+\))`,
    class: "flaky",
    category: "registry",
    description: "Nix could not download from a binary cache or a source mirror (server error or network).",
    unless: CHATTER_OR_LOCAL,
  },
  {
    // Coursier (sbt, Mill, scala-cli) reports each failed download as "download error: Caught …";
    // its timeouts and resets are the generic Java network patterns, its server errors this one
    // (coursier/coursier#865 shows the 4xx form, which stays the job's own).
    id: "coursier.download",
    regex: String.raw`download error: Caught java\.io\.IOException: Server returned HTTP response code: (?:5\d\d|429) for URL: https?://`,
    class: "flaky",
    category: "registry",
    description: "Coursier (sbt, Mill) got a server error from an artifact repository.",
    unless: CHATTER_OR_LOCAL,
  },
];
