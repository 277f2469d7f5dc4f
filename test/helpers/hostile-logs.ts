// Logs shaped to hurt: generated, so tests and benchmarks can size them.

/** `progress 50%\r` repeated to `bytes`, no newline: one terminal line redrawn over and over. */
export function progressLines(bytes: number): Buffer {
  return repeat("progress 50%\r", bytes);
}

/** One line of `ESC[31m x ESC[0m` repeated to `bytes`, then a newline: a million colour codes per 12 MB. */
export function ansiLine(bytes: number): Buffer {
  const unit = "\u001b[31mx\u001b[0m";
  return Buffer.concat([repeat(unit, bytes - 1 - ((bytes - 1) % unit.length)), Buffer.from("\n")]);
}

function repeat(unit: string, bytes: number): Buffer {
  const one = Buffer.from(unit);
  return Buffer.from(one.toString("latin1").repeat(Math.max(1, Math.floor(bytes / one.length))), "latin1");
}
