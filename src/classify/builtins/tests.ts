// Tests known to fail for reasons outside the change: collisions on shared machine resources.
// Grounded in the nodejs/node-core-utils js-flake-1 fixture (MIT): an inspector cluster test lost an
// ephemeral-port race ("Starting inspector on 127.0.0.1:45802 failed: address already in use").
import type { PatternInput } from "../../model/config-schema.js";

export const testFlakePatterns: PatternInput[] = [
  {
    id: "node.inspector-port-in-use",
    regex: String.raw`Starting inspector on [\w.:\[\]]+ failed: address already in use`,
    class: "flaky",
    category: "port",
    description: "Node's inspector lost a race for a port with another process on the machine.",
  },
];
