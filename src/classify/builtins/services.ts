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
    id: "docker.daemon-unreachable",
    regex: String.raw`Cannot connect to the Docker daemon at (?:unix|tcp)://\S+\. Is the docker daemon running\?|error during connect: .*(?:docker_engine|dial tcp [\w.:\[\]]+:237[56]: connect: connection refused)`,
    class: "flaky",
    category: "service",
    description: "The Docker daemon (a docker:dind service or the runner's own) was not reachable.",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
  },
  {
    id: "coverage.upload",
    regex: String.raw`\['error'\] There was an error running the uploader|Tokenless has reached GitHub rate limit|\b(?:429|5\d\d) (?:Client|Server) Error: .{0,40} for url: https://(?:[\w-]+\.)?codecov\.io/|Error uploading to https://(?:codecov\.io|[\w.-]*codecov[\w.-]*)|Codecov: Failed to properly upload|Upload failed: .{0,80}\b(?:5\d\d|429)\b|Coveralls API: .{0,80}\b(?:5\d\d|429)\b|Bad response: (?:5\d\d|429)\b.{0,80}coveralls`,
    class: "flaky",
    category: "coverage",
    description: "The coverage service (Codecov, Coveralls) failed to take the upload.",
    unless: TEST_CHATTER,
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
    regex: String.raw`[Uu]nable to boot (?:the )?(?:[Ss]imulator|device in current state)|Failed to (?:boot|launch) (?:the )?simulator|CoreSimulatorService connection (?:became invalid|interrupted)|Simulator device failed to launch|Timed out waiting \d+ seconds for simulator to boot`,
    class: "flaky",
    category: "service",
    description: "The iOS simulator failed to boot on the runner.",
    unless: TEST_CHATTER,
  },
  {
    // ReactiveCircus/android-emulator-runner gives up on sys.boot_completed.
    id: "android.emulator-boot",
    regex: String.raw`Timeout waiting for emulator to boot`,
    class: "flaky",
    category: "service",
    description: "The Android emulator did not finish booting on the runner.",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
  },
  {
    // The device dropped while a build installed or ran on it (ddmlib, Xamarin's AdbClient;
    // dotnet/android#11830, dotnet/xharness#612). Not adb's own "adb: device offline", which
    // android-emulator-runner prints while it polls a booting emulator.
    id: "android.device-offline",
    regex: String.raw`(?:AdbCommandRejectedException|AdbException): device offline|\bcmd: Can't find service: package\b`,
    class: "flaky",
    category: "service",
    description: "The Android emulator or device went offline while the build installed or tested on it.",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
  },
  {
    // Selenium's wording when the grid or the browser could not be reached at all; a driver/browser
    // version mismatch says "session not created: This version of ChromeDriver…" instead and is the job's own.
    id: "selenium.session-start",
    regex: String.raw`Could not start a new session\. Possible causes are invalid address of the remote server or browser start-up failure`,
    class: "flaky",
    category: "service",
    description: "The Selenium grid or browser could not start a session.",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
  },
];
