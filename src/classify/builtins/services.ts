// Services a job depends on that never came up: GitHub Actions service containers and simulators.
// The service-container message is the runner's own
// (actions/runner src/Runner.Worker/ContainerOperationProvider.cs: "Failed to initialize, {alias} service is {status}.").
import type { PatternInput } from "../../model/config-schema.js";
import { TEST_CHATTER } from "./noise.js";

export const servicePatterns: PatternInput[] = [
  {
    id: "gha.service-unhealthy",
    regex: String.raw`##\[error\]Failed to initialize, [\w.-]+ service is (?:unhealthy|starting|\w*)\.`,
    class: "flaky",
    category: "service",
    description: "A service container never became healthy.",
    retry: { max_attempts: 2 },
    scope: "log",
  },
  {
    id: "gitlab.k8s-unreachable",
    regex: String.raw`Error: Kubernetes cluster unreachable`,
    class: "flaky",
    category: "service",
    description: "The Kubernetes cluster the job deploys to could not be reached.",
    unless: TEST_CHATTER,
  },
  {
    id: "xcode.simulator",
    regex: String.raw`Unable to boot (?:the )?(?:Simulator|device in current state)|Failed to (?:boot|launch) (?:the )?simulator|CoreSimulatorService connection (?:became invalid|interrupted)|Simulator device failed to launch`,
    class: "flaky",
    category: "service",
    description: "The iOS simulator failed to boot on the runner.",
    unless: TEST_CHATTER,
  },
];
