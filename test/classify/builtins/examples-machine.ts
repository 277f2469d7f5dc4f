// Examples for timeouts, resources, services and git built-ins (see examples-runner.ts for the shape).
import type { Examples } from "./examples-runner.js";

export const machineExamples: Record<string, Examples> = {
  "gha.job-timeout": {
    match: [
      "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.",
      "The job has exceeded the maximum execution time of 1h0m0s",
    ],
    miss: ["expect(summary).toContain('has exceeded the maximum execution time of 5 minutes')", "Job exceeded its soft time limit of 60 s (celery)"],
  },
  "gha.step-timeout": {
    match: ["##[error]The action 'Test' has timed out after 360 minutes.", "##[error]The action has timed out after 10 minutes."],
    miss: ["    test_action_timeout (tests.TestRunner) ... ok"],
  },
  "taskcluster.max-run-time": {
    match: ["[taskcluster:error] Task aborted - max run time exceeded"],
    miss: ["[task 2025-02-13T11:46:11.169Z] 11:46:11     INFO - 'max_run_time': 3600,"],
  },
  "travis.no-output": {
    match: [
      "No output has been received in the last 10 minutes, this potentially indicates a stalled build or something wrong with the build itself.",
      "No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.",
    ],
    miss: ["No output has been received from the child process yet"],
  },
  "circleci.no-output": {
    match: ["Too long with no output (exceeded 10m0s): context deadline exceeded"],
    miss: ["Error: context deadline exceeded (test_grpc_timeout)"],
  },
  "jenkins.build-timeout": {
    match: ["Build timed out (after 60 minutes). Marking the build as failed."],
    miss: ["Build took 61 minutes"],
  },
  "gitlab.job-timeout": {
    match: ["ERROR: Job failed: execution took longer than 1h30m0s seconds"],
    miss: ["Job succeeded: execution took 1h30m0s"],
  },
  "disk.full": {
    match: [
      "stderr: error: unable to create file nopol/src/test/java/xxl/java/junit/TestSuiteExecutionTest.java: No space left on device",
      "fatal: cannot create directory at 'nopol/src/test/java/xxl/java/library': No space left on device",
      "java.io.IOException: No space left on device",
      "Unable to create file for report: /builds/workspace/Sorald/sorald/target/surefire-reports/sorald.GatherStatsTest.txt (No space left on device).",
      "Error: ENOSPC: no space left on device, write",
      "OSError: [Errno 28] No space left on device: '/tmp/pip-unpack-x1'",
      "failed to register layer: write /var/lib/docker/overlay2/abc/diff/usr/lib/x.so: no space left on device",
      "There is not enough space on the disk.",
    ],
    miss: [
      "it('handles No space left on device')",
      '    assert msg == "No space left on device"',
      "  ✓ reports ENOSPC: no space left on device as a clear error (3 ms)",
      "PASSED tests/test_disk.py::test_no_space_left_on_device",
      '    "message": "ENOSPC: no space left on device, write"',
      "expect(err.message).toMatch(/no space left on device/)",
      "Checking that No space left on device is handled",
    ],
  },
  "disk.low-space": {
    match: ["Failure: There is only 8.1G free space left in /, which is less than the minimum requirement of 10G"],
    miss: ["Filesystem      Size  Used Avail Use% Mounted on"],
  },
  "disk.read-only": {
    match: ["touch: cannot touch '/data/x': Read-only file system", "Error: EROFS: read-only file system, open '/usr/lib/node_modules/x'"],
    miss: ["it('reports Read-only file system errors')", "  mounting the fixture as a read-only file system"],
  },
  "oom.kernel": {
    match: ["[ 1234.567] Out of memory: Killed process 4242 (java) total-vm:8123456kB", "    Reason:       OOMKilled"],
    miss: ["  ✓ marks OOMKilled pods as failed (4 ms)", "Out of memory errors are logged to stderr"],
  },
  "oom.killed": {
    match: [
      "/home/runner/work/_temp/1a2b.sh: line 1:  2345 Killed                  npm test",
      "FAILURE: Build failed with an exception. The Gradle daemon disappeared unexpectedly (it may have been killed or may have crashed)",
    ],
    miss: ["Killed 3 stale processes before the run", "test_killed_process_is_reaped PASSED"],
  },
  "oom.compiler-killed": {
    match: [
      "g++: fatal error: Killed signal terminated program cc1plus",
      "c++: error: Killed signal terminated program cc1plus",
      "collect2: fatal error: ld terminated with signal 9 [Killed]",
      "Caused by: process didn't exit successfully: `rustc --crate-name serde` (signal: 9, SIGKILL: kill)",
    ],
    miss: ["src/a.cpp:12:5: error: 'foo' was not declared in this scope", "it('reports Killed signal terminated program cc1plus')"],
  },
  "oom.worker-sigkill": {
    match: [
      "A jest worker process (pid=4242) was terminated by another process: signal=SIGKILL, exitCode=null. Operations that usually cause this are: running out of memory",
      "Worker (pid=311) was terminated by another process: signal=SIGKILL",
    ],
    miss: ["A worker process has failed to exit gracefully and has been force exited...", "  ✓ restarts a worker terminated by another process: signal=SIGKILL (12 ms)"],
  },
  "oom.exit-137": {
    match: ["##[error]Process completed with exit code 137.", "make: *** [Makefile:12: test] Error 137", "subprocess.CalledProcessError: Command '['ninja']' returned non-zero exit status 137."],
    miss: ["##[error]Process completed with exit code 1.", "make: *** [Makefile:12: test] Error 1", "Ran 137 tests in 3.2s"],
  },
  "msvc.out-of-heap": {
    match: ["C:\\a\\src\\big.cpp(1): fatal error C1060: compiler is out of heap space"],
    miss: ["C:\\a\\src\\big.cpp(12): error C2065: 'heap': undeclared identifier"],
  },
  "docker.daemon-unreachable": {
    match: [
      "Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?",
      "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?.",
      "error during connect: Get \"http://docker:2375/v1.24/info\": dial tcp 172.17.0.3:2375: connect: connection refused",
    ],
    miss: ["it('explains Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?')", "Docker daemon is running: 24.0.7"],
  },
  "coverage.upload": {
    match: [
      "[2024-03-01T10:00:00.000Z] ['error'] There was an error running the uploader: Error uploading to https://codecov.io: Error: There was an error fetching the storage URL during POST: 503 - upstream connect error",
      "Error: Codecov: Failed to properly upload: The process '/home/runner/work/_actions/codecov/codecov-action/v3/dist/codecov' failed with exit code 255",
      "error - 2024-03-01 10:00:00,000 -- Upload failed: {\"status\": 502, \"detail\": \"Bad Gateway\"}",
      "Coveralls API: Request failed with status 503",
    ],
    miss: ["[2024-03-01T10:00:00.000Z] ['info'] Uploading to https://codecov.io", "expect(upload).toThrow('Error uploading to https://codecov.io')"],
  },
  "gha.service-unhealthy": {
    match: ["##[error]Failed to initialize, postgres service is unhealthy."],
    miss: ["postgres service is starting, waiting 4 seconds before checking again.", "postgres service is healthy."],
  },
  "gitlab.k8s-unreachable": {
    match: ["Error: Kubernetes cluster unreachable: Get \"https://10.0.0.1/version\": dial tcp 10.0.0.1:443: i/o timeout"],
    miss: ["it('shows Error: Kubernetes cluster unreachable in the banner')"],
  },
  "xcode.simulator": {
    match: ["xcodebuild: error: Failed to build workspace App with scheme App.: Unable to boot the Simulator.", "CoreSimulatorService connection became invalid. Simulator services will no longer be available."],
    miss: ["Booting simulator iPhone 15 (17.0)"],
  },
  "git.http-5xx": {
    match: [
      "stderr: fatal: unable to access 'https://github.com/KTH/spork.git/': The requested URL returned error: 503",
      "error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502",
    ],
    miss: ["fatal: unable to access 'https://github.com/org/private.git/': The requested URL returned error: 403"],
  },
  "git.unable-to-access": {
    match: ["fatal: unable to access 'https://github.com/vim/vim/': Empty reply from server", "fatal: unable to access 'https://github.com/a/b/': Could not resolve host: github.com"],
    miss: ["fatal: unable to access 'https://github.com/a/b/': The requested URL returned error: 403"],
  },
  "git.remote-hung-up": {
    match: ["fatal: the remote end hung up unexpectedly", "error: RPC failed; curl 56 GnuTLS recv error (-9): A TLS packet with unexpected length was received."],
    miss: ["  it('retries when the remote end hung up unexpectedly')"],
  },
  "git.ssh-connect": {
    match: ["stderr: ssh_dispatch_run_fatal: Connection to 192.30.253.113 port 22: Connection timed out", "ssh: connect to host github.com port 22: Connection timed out"],
    miss: ["fatal: Could not read from remote repository."],
  },
  "jenkins.git-fetch": {
    match: ["ERROR: Error fetching remote repo 'origin'", "ERROR: Error cloning remote repo 'origin'"],
    miss: ["Fetching changes from the remote Git repository"],
  },
  "git.index-lock": {
    match: ["fatal: Unable to create '/builds/ws/.git/index.lock': File exists."],
    miss: ["fatal: Unable to create '/builds/ws/out/report.lock': File exists."],
  },
  "git.dirty-workspace": {
    match: ["19:15:57 Cannot rebase: You have unstaged changes."],
    miss: ["    assert err == 'Cannot rebase: You have unstaged changes.'"],
  },
  "git.unsafe-repository": {
    match: ["fatal: unsafe repository ('/github/workspace' is owned by someone else)", "fatal: detected dubious ownership in repository at '/__w/app/app'"],
    miss: ["git config --global --add safe.directory /github/workspace"],
  },
  "git.lfs-quota": {
    match: ["batch response: This repository is over its data quota. Account responsible for LFS bandwidth should purchase more data packs to restore access."],
    miss: ["Git LFS: (12 of 12 files) 4.1 MB / 4.1 MB"],
  },
};
