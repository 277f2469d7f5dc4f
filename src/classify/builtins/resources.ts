// The machine ran out of something: disk, memory. Matched only where a tool reports the errno
// (": No space left on device", "ENOSPC: ", "[Errno 28]"), never the bare phrase, because a real
// retry bot re-ran jobs whose passing tests merely said "No space left on device".
// Credits: "There is only … free space left" from pytorch/test-infra's log classifier (BSD-3-Clause);
// "There is not enough space in the file system" and "Read-only file system" from
// nodejs/node-core-utils ci_failure_parser.js (MIT); MSVC heap errors after pytorch's "MSVC out of memory".
// Node's "JavaScript heap out of memory" is deliberately absent: it is the process hitting its own
// heap limit (--max-old-space-size), which the code under test decides, not the OS killing it (RULES.md).
import type { PatternInput } from "../../model/config-schema.js";
import { TEST_CHATTER } from "./noise.js";

// A quoted string that contains the phrase and closes after it: a fixture or a message under test.
const QUOTED_PHRASE = String.raw`["'\x60][^"'\x60\n]{0,200}(?:[Nn]o space left on device|[Rr]ead-only file system)[^"'\x60\n]{0,80}["'\x60]`;

export const resourcePatterns: PatternInput[] = [
  {
    id: "disk.full",
    regex: String.raw`(?:[:(] ?|\] |\bENOSPC: |##\[error\])[Nn]o space left on device|There is not enough space (?:on the disk|in the file system)|There was insufficient space remaining on the device`,
    class: "flaky",
    category: "disk",
    description: "The runner's disk is full.",
    unless: `${TEST_CHATTER}|${QUOTED_PHRASE}`,
    scope: "log",
  },
  {
    id: "disk.low-space",
    regex: String.raw`Failure: There is only .{1,40} free space left in .+, which is less than the minimum requirement of|You are running out of disk space\. The runner will stop working when the machine runs out of disk space|The node was low on resource: ephemeral-storage\b`,
    class: "flaky",
    category: "disk",
    description: "The runner had too little free disk space.",
    unless: TEST_CHATTER,
    scope: "log",
  },
  {
    id: "disk.read-only",
    regex: String.raw`[:(] ?Read-only file system\b|\bEROFS: read-only file system`,
    class: "flaky",
    category: "disk",
    description: "The runner's file system went read-only (a failing disk or a broken mount).",
    unless: `${TEST_CHATTER}|${QUOTED_PHRASE}`,
  },
  {
    id: "oom.kernel",
    // Kubernetes evicting the job's pod (GitLab's "Event retrieved from the cluster", cloud-pi-native/socle#532).
    regex: String.raw`Out of memory: Kill(?:ed)? process \d+|\boom-kill:|Memory cgroup out of memory|\bOOMKilled\b|The node was low on resource: memory\b`,
    class: "flaky",
    category: "memory",
    description: "The kernel or container runtime killed a process for using too much memory.",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
    scope: "log",
  },
  {
    id: "oom.killed",
    // CircleCI's own line when the executor's memory limit killed the step (PetroFit/petrofit#63).
    regex: String.raw`line \d+: +\d+ Killed +\S|\bKilled[ \t]+\(signal 9\)|The Gradle daemon disappeared unexpectedly|Gradle build daemon disappeared unexpectedly|^Received "killed" signal$`,
    class: "flaky",
    category: "memory",
    description: "A process was killed with SIGKILL (usually the out-of-memory killer).",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
  },
  {
    id: "oom.compiler-killed",
    regex: String.raw`(?:fatal error|error): Killed signal terminated program \S+|collect2: fatal error: ld terminated with signal 9 \[Killed\]|\(signal: 9, SIGKILL: kill\)`,
    class: "flaky",
    category: "memory",
    description: "The compiler or linker was killed with SIGKILL (the runner ran out of memory).",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
  },
  {
    id: "oom.worker-sigkill",
    regex: String.raw`(?:A jest worker process|[Ww]orker(?: process)?) \(pid=\d+\) was terminated by another process: signal=SIGKILL`,
    class: "flaky",
    category: "memory",
    description: "A test worker was killed from outside (SIGKILL, usually the out-of-memory killer).",
    retry: { max_attempts: 2 },
    unless: TEST_CHATTER,
  },
  {
    // Only where it ends the step (RULES.md): 137 = 128 + SIGKILL, the kernel's out-of-memory kill.
    id: "oom.exit-137",
    regex: String.raw`^##\[error\]Process completed with exit code 137\.|^make(?:\[\d+\])?: \*\*\* \[[^\]\n]+\] Error 137$|returned non-zero exit status 137\b|^Error: Process completed with exit code 137\b|^ERROR: Job failed: exit code 137$|^Exited with code exit status 137$`,
    class: "flaky",
    category: "memory",
    description: "The step's process was killed with SIGKILL (exit code 137), usually for using too much memory.",
    retry: { max_attempts: 2 },
  },
  {
    id: "msvc.out-of-heap",
    regex: String.raw`fatal error C1060: compiler is out of heap space|fatal error C1076: compiler limit: internal heap limit reached|error C3859: Failed to create virtual memory for PCH`,
    class: "flaky",
    category: "memory",
    description: "The MSVC compiler ran out of memory on the runner.",
    retry: { max_attempts: 2 },
  },
];
