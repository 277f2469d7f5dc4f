// The `demote` settings and a pattern's `mode` are validated like every other key: file, line, column
// and key path for each problem; the valid ones reach the settings.
import { expect, it } from "vitest";
import { parseConfigText } from "../../src/config/parse-config-text.js";

const FILE = "octo/app/.github/sift.yml";

it("reports bad demote values and an unknown mode at their lines, and keeps the good settings", () => {
  const text = [
    "demote:",
    "  min_rescue_rate: 30", // a percentage, not a share
    "  min_reruns: 0",
    "  promot: [gha.runner-lost]", // misspelt
    "patterns:",
    "  - id: watch.oom",
    "    regex: 'Killed process'",
    "    class: flaky",
    "    mode: shadow",
  ].join("\n");
  const { problems } = parseConfigText(text, FILE);
  const at = (path: string) => problems.find((p) => p.path === path);
  expect(at("demote.min_rescue_rate")).toMatchObject({ file: FILE, line: 2, column: 20 });
  expect(at("demote.min_reruns")).toMatchObject({ line: 3, column: 15 });
  expect(at("demote.promot")).toMatchObject({ line: 4, column: 3, message: expect.stringContaining("unknown key (known: enabled, min_rescue_rate, min_reruns, promote)") });
  expect(at("patterns[0].mode")).toMatchObject({ line: 9, column: 11, patternId: "watch.oom" });
});

it("takes valid demote settings and observe mode", () => {
  const text = ["demote:", "  min_rescue_rate: 0.5", "  promote: [gha.runner-lost]", "patterns:", "  - {id: watch.oom, regex: 'Killed process', class: flaky, mode: observe}"].join("\n");
  const { validated, problems } = parseConfigText(text, FILE);
  expect(problems).toEqual([]);
  expect(validated.config.demote).toEqual({ enabled: true, min_rescue_rate: 0.5, min_reruns: 10, promote: ["gha.runner-lost"] });
  expect(validated.config.patterns[0]?.mode).toBe("observe");
});
