// The logger: Probot's format (pretty in development, JSON in production), with secrets redacted.
import pino, { type Logger } from "pino";
import { getTransformStream } from "@probot/pino";

export async function createLogger(env: Record<string, string | undefined> = process.env): Promise<Logger> {
  const logFormat = env.LOG_FORMAT === "pretty" || env.LOG_FORMAT === "json" ? env.LOG_FORMAT : env.NODE_ENV === "production" ? "json" : "pretty";
  const transform = await getTransformStream({ logFormat, logLevelInString: env.LOG_LEVEL_IN_STRING === "true" });
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino(
    {
      level: env.LOG_LEVEL || "info",
      name: "sift",
      redact: { paths: ["*.authorization", "*.headers.authorization", "*.token", "*.privateKey", "*.secret"], censor: "[redacted]" },
    },
    transform,
  );
}
