// Sift's built-in pattern library: infrastructure failures and known flakes across ecosystems.
// Files group patterns by family; order inside the library is the order of this list.
import { patternSchema, type Pattern, type PatternInput } from "../../model/config-schema.js";
import { agentPatterns } from "./agents.js";
import { buildToolPatterns } from "./build-tools.js";
import { gitPatterns } from "./git.js";
import { installerPatterns } from "./installers.js";
import { githubRunnerPatterns } from "./github-runner.js";
import { networkPatterns } from "./network.js";
import { registryPatterns } from "./registries.js";
import { resourcePatterns } from "./resources.js";
import { servicePatterns } from "./services.js";
import { testFlakePatterns } from "./tests.js";
import { timeoutPatterns } from "./timeouts.js";

/** Runner-level causes first, generic network errors last, so the first match names the most specific cause. */
const families: readonly (readonly PatternInput[])[] = [
  githubRunnerPatterns,
  agentPatterns,
  timeoutPatterns,
  resourcePatterns,
  servicePatterns,
  gitPatterns,
  registryPatterns,
  installerPatterns,
  buildToolPatterns,
  networkPatterns,
  testFlakePatterns,
];

/** Every built-in pattern, validated and defaulted by the same schema as user patterns. */
export function builtinPatterns(): Pattern[] {
  const seen = new Set<string>();
  return families.flat().map((input) => {
    if (seen.has(input.id)) throw new Error(`duplicate built-in pattern id ${input.id}`);
    seen.add(input.id);
    return patternSchema.parse(input);
  });
}
