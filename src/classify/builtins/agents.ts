// Other CI systems' agents: the build machine disconnected, the runner itself failed, or the agent
// was set up wrong. Credits: Jenkins remoting shapes and "No acceptable C compiler" grounded in
// nodejs/node-core-utils fixtures (MIT) and labri-progress/cidiff breakage logs (Apache-2.0);
// "Connection to the other side was lost in a non-clean fashion" from Mozilla build-buildbotcustom
// status/errors.py (MPL-2.0); "Job failed (system failure)" is GitLab Runner's own prefix;
// the CircleCI lines are what its infrastructure-failure steps print (CircleCI support articles).
import type { PatternInput } from "../../model/config-schema.js";

export const agentPatterns: PatternInput[] = [
  {
    id: "jenkins.agent-lost",
    regex: String.raw`hudson\.remoting\.(?:Channel\$OrderlyShutdown|ChannelClosedException|RequestAbortedException)|Agent went offline during the build|Cannot contact [\w.-]+: java\.lang\.InterruptedException|Backing channel '[^'\n]+' is disconnected`,
    class: "flaky",
    category: "runner",
    description: "The Jenkins agent disconnected during the build.",
    scope: "log",
  },
  {
    id: "buildbot.connection-lost",
    regex: String.raw`Connection to the other side was lost in a non-clean fashion|twisted\.spread\.pb\.PBConnectionLost`,
    class: "flaky",
    category: "runner",
    description: "The Buildbot worker lost its connection.",
    scope: "log",
  },
  {
    id: "gitlab.system-failure",
    regex: String.raw`ERROR: Job failed \(system failure\):|ERROR: Job failed: failed to pull image`,
    class: "flaky",
    category: "runner",
    description: "GitLab Runner failed to prepare the job (system failure or image pull).",
    scope: "log",
  },
  {
    id: "circleci.infrastructure-fail",
    regex: String.raw`We had an unexpected error preparing the VM for this build|Unexpected capacity error: the service is temporarily unable to allocate resources|CircleCI was unable to execute the job to completion, because the CircleCI agent received a kill signal midway through the job`,
    class: "flaky",
    category: "runner",
    description: "CircleCI could not provide or keep a machine for the job (VM preparation, capacity, its agent killed).",
    scope: "log",
  },
  {
    // Azure Pipelines' own messages when the agent vanished (dotnet/dnceng#1886,
    // microsoft/azure-pipelines-agent#2261).
    id: "azure.agent-lost",
    regex: String.raw`We stopped hearing from agent .+\. Verify the agent machine is running and has a healthy network connection|The agent: .+ lost communication with the server`,
    class: "flaky",
    category: "runner",
    description: "The Azure Pipelines agent stopped talking to the server (crashed, starved or lost its network).",
    scope: "log",
  },
  {
    // Buildkite's job exit lines when the agent disappeared or was stopped (spot reclaim, scale-in;
    // rails/buildkite-config#2, buildkite/elastic-ci-stack-for-aws#971).
    id: "buildkite.agent-lost",
    regex: String.raw`Exited with status -1 \(agent lost\)|\(after intercepting the agent's termination signal, sent because the agent was stopped\)`,
    class: "flaky",
    category: "runner",
    description: "The Buildkite agent was lost or stopped during the job.",
    scope: "log",
  },
  {
    id: "agent.no-c-compiler",
    regex: String.raw`ERROR: No acceptable C compiler found!`,
    class: "known-problem",
    category: "runner",
    description: "The build agent has no working C compiler (agent misconfiguration); re-running on it will not help.",
    scope: "log",
  },
  {
    // GitLab Runner's artifact transfer to and from the coordinator (gitlab-org/gitlab glci
    // "artifacts_upload_502"); 4xx answers (too large, not found) are the job's own business.
    id: "gitlab.artifacts-http",
    regex: String.raw`(?:ERROR|WARNING): (?:Uploading artifacts(?: as "\w+")? to|Downloading artifacts from) coordinator\.\.\. .*?(?:(?:responseStatus|status)=(?:5\d\d|429)\b|\b(?:5\d\d|429) [A-Z][a-z])`,
    class: "flaky",
    category: "artifacts",
    description: "GitLab's coordinator failed (server error) while the runner moved artifacts.",
  },
];
