// The logger: Probot's format (pretty in development, JSON in production), with secrets redacted.
// Page tokens are cut from every URL the logger sees: Probot's HTTP log line binds `req` (its url and
// referer) when the request arrives, and prints the url in its message when the response ends.
import pino, { type Logger } from "pino";
import { getTransformStream } from "@probot/pino";

const TOKEN_IN_URL = /([?&]token=)[^&#\s"]*/gi;

/** `text` with the value of every `token=` query parameter replaced. */
export function redactPageTokens(text: string): string {
  return text.replace(TOKEN_IN_URL, "$1[redacted]");
}

const URL_PATHS = ["req.url", "req.headers.referer", "url"];

// Page tokens are base64url: cut only those characters, so a JSON line stays valid wherever a token
// appears in it (Octokit's debug lines carry check-run bodies, whose details links hold one).
const TOKEN_IN_LINE = /([?&]token=)[A-Za-z0-9_-]+/g;

export async function createLogger(env: Record<string, string | undefined> = process.env, destination?: NodeJS.WritableStream): Promise<Logger> {
  const logFormat = env.LOG_FORMAT === "pretty" || env.LOG_FORMAT === "json" ? env.LOG_FORMAT : env.NODE_ENV === "production" ? "json" : "pretty";
  const transform = await getTransformStream({ logFormat, logLevelInString: env.LOG_LEVEL_IN_STRING === "true" });
  transform.pipe(destination ?? (pino.destination(1) as unknown as NodeJS.WritableStream));
  return pino(
    {
      level: env.LOG_LEVEL || "info",
      name: "sift",
      redact: {
        paths: ["*.authorization", "*.headers.authorization", "*.token", "*.privateKey", "*.secret", ...URL_PATHS],
        censor: (value: unknown, path: string[]) => (URL_PATHS.includes(path.join(".")) && typeof value === "string" ? redactPageTokens(value) : "[redacted]"),
      },
      hooks: {
        streamWrite: (line) => line.replace(TOKEN_IN_LINE, "$1[redacted]"),
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? redactPageTokens(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    transform,
  );
}
