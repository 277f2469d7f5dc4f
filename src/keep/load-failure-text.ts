// A stored failure text back as plain data (for re-classification and backtests).
import type { FailureText as FailureTextRow } from "../generated/prisma/client.js";
import type { FailureText } from "./failure-text.js";
import { unpackText } from "./pack.js";

/** A row whose text would expand past this is refused (rows are written at most SIFT_KEEP_BYTES). */
const MAX_UNPACKED = 64 * 1024 * 1024;

export async function failureTextFromRow(row: FailureTextRow): Promise<FailureText> {
  const text = await unpackText(row.body, row.encoding, Math.min(Math.max(row.textBytes, 1), MAX_UNPACKED));
  return {
    text,
    firstLine: row.firstLine,
    stepStart: row.stepStart,
    stepEnd: row.stepEnd,
    lineCount: row.lineCount,
    format: row.format,
    stepName: row.stepName,
    stepReason: row.stepReason,
    fullBytes: row.fullBytes,
    truncatedHeadBytes: row.truncatedHeadBytes,
  };
}
