import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/index.js";

describe("parseCommand", () => {
  it("reads /retry with and without a glob", () => {
    expect(parseCommand("/retry")).toEqual({ kind: "retry", glob: null });
    expect(parseCommand("\n  /retry  linux-*\nthanks")).toEqual({ kind: "retry", glob: "linux-*" });
  });

  it("reads /known-broken with its reason, across lines", () => {
    expect(parseCommand("/known-broken test* upstream is down\nsee https://x.test/1")).toEqual({ kind: "known-broken", glob: "test*", reason: "upstream is down\nsee https://x.test/1" });
    expect(parseCommand("/known-broken --clear")).toEqual({ kind: "known-broken-clear", glob: null });
    expect(parseCommand("/known-broken --clear lint")).toEqual({ kind: "known-broken-clear", glob: "lint" });
  });

  it("requires a reason", () => {
    expect(parseCommand("/known-broken test*")).toEqual({ kind: "invalid", problem: "a reason is required: `/known-broken GLOB reason…`" });
    expect(parseCommand("/known-broken")).toMatchObject({ kind: "invalid" });
  });

  it("rejects bad globs and near-miss commands with a problem to show next to the usage", () => {
    expect(parseCommand("/retry test[")).toEqual({ kind: "invalid", problem: "bad glob: unbalanced brackets" });
    expect(parseCommand("/retry a b")).toMatchObject({ kind: "invalid" });
    expect(parseCommand("/retryall")).toEqual({ kind: "invalid", problem: "unknown command `/retryall`" });
    expect(parseCommand("/known_broken x y")).toMatchObject({ kind: "invalid" });
  });

  it("ignores comments without a command and other bots' commands", () => {
    expect(parseCommand("LGTM, please /retry")).toBeNull();
    expect(parseCommand("/assign @me")).toBeNull();
    expect(parseCommand("")).toBeNull();
  });
});
