// Lines each built-in must match, and near-misses it must not (test output that merely mentions the
// words). Real lines come from the shared corpus where it has them; the rest are the tools' own wording.
export interface Examples {
  match: string[];
  miss: string[];
}

export const runnerExamples: Record<string, Examples> = {
  "gha.runner-shutdown": {
    match: [
      "##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.",
      "The runner has received a shutdown signal. This can happen when the runner service is stopped.",
    ],
    miss: ["  ✓ reports The runner has received a shutdown signal. as runner loss (2 ms)", "echo 'The runner has received a shutdown signal.'"],
  },
  "gha.runner-lost": {
    match: [
      "##[error]The self-hosted runner: ci-runner-7 lost communication with the server. Verify the machine is running and has a healthy network connection.",
      "The hosted runner: GitHub Actions 12 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
    ],
    miss: ["ERROR: worker lost communication with the scheduler"],
  },
  "gha.runner-error": {
    match: [
      "The hosted runner encountered an error while running your job. (Error Type: Disconnect).",
      "##[error]Received request to deprovision: The request was cancelled by the remote provider.",
    ],
    miss: ["Received request to deprovision the staging stack"],
  },
  "gha.job-not-acquired": {
    match: ["The job was not acquired by Runner of type hosted even after multiple attempts"],
    miss: ["The job was not acquired by the scheduler (test_scheduler.py::test_acquire)"],
  },
  "gha.internal-error": {
    match: ["GitHub Actions has encountered an internal error when running your job."],
    miss: ["Error: encountered an internal error when running your job script (exit 1)"],
  },
  "gha.runner-pod": {
    match: [
      "##[error]Error: pod failed to come online with error: Error: Pod mt-l-x86aavx2-29-113-a10g-v24bh-runner-fbtr6-workflow is unhealthy with phase status Pending: backoff timeout",
    ],
    miss: ["Pod mt-l-x86aavx2-29-113-a10g-v24bh-runner-fbtr6-workflow: phase=Pending, conditions=[PodScheduled=False]"],
  },
  "gha.action-download": {
    match: [
      "##[error]Failed to download archive 'https://api.github.com/repos/actions/checkout/tarball/8e5e7e5' after 5 attempts.",
      "##[error]Failed to resolve action download info. Error: Response status code does not indicate success: 503",
    ],
    miss: ["Download action repository 'actions/checkout@v4' (SHA:8e5e7e5)"],
  },
  "gha.http-5xx": {
    match: [
      "##[error]Response status code does not indicate success: 502 (Bad Gateway).",
      "##[error]Unexpected HTTP response: 503",
    ],
    miss: ["##[error]Response status code does not indicate success: 404 (Not Found)."],
  },
  "gha.artifact-service": {
    match: [
      "Error: Failed to CreateArtifact: Failed to make request after 5 attempts: Unexpected error: Request failed with status code 503",
      "Create Artifact Container failed: read ECONNRESET",
    ],
    miss: ["Error: Failed to CreateArtifact: Artifact storage quota has been hit.", "##[error]Unable to download artifact(s): Artifact not found for name: wheel-3.12"],
  },
  "gha.operation-canceled": {
    match: ["##[error]The operation was canceled."],
    miss: ["Error: The operation was canceled by the user (test_cancel.py)", "    ok 12 - handles The operation was canceled."],
  },
  "github.api-rate-limit": {
    match: ['{"message":"API rate limit exceeded for user ID 123456.","documentation_url":"https://docs.github.com/rest"}', "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."],
    miss: ["it('backs off when API rate limit exceeded for user ID 1', async () => {"],
  },
  "jenkins.agent-lost": {
    match: ["FATAL: hudson.remoting.Channel$OrderlyShutdown: Command Close created at", "Agent went offline during the build"],
    miss: ["hudson.remoting.Channel is ready"],
  },
  "buildbot.connection-lost": {
    match: ["[Failure instance: Traceback (failure with no frames): <class 'twisted.internet.error.ConnectionLost'>: Connection to the other side was lost in a non-clean fashion."],
    miss: ["Connection to the other side was closed cleanly."],
  },
  "gitlab.system-failure": {
    match: ["ERROR: Job failed (system failure): prepare environment: waiting for pod running: timed out", "ERROR: Job failed: failed to pull image \"ruby:3.2\" with specified policies [always]"],
    miss: ["ERROR: Job failed: exit code 1"],
  },
  "circleci.infrastructure-fail": {
    match: [
      "We had an unexpected error preparing the VM for this build, potentially due to our infrastructure or cloud provider. Please retry the build in a few minutes.",
      "Unexpected capacity error: the service is temporarily unable to allocate resources. Please retry the job.",
    ],
    miss: ["error preparing the build: invalid config at line 12"],
  },
  "agent.no-c-compiler": {
    match: ["ERROR: No acceptable C compiler found!"],
    miss: ["WARNING: failed to autodetect C compiler version (CC=/bin/xlc)"],
  },
  "node.inspector-port-in-use": {
    match: ["    Starting inspector on 127.0.0.1:45802 failed: address already in use"],
    miss: ["Debugger listening on ws://127.0.0.1:9229/0f2c936f-b1cd-4ac9-aab3-f63b0f33d55e"],
  },
};
