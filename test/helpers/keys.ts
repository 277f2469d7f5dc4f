// An RSA key for a test GitHub App, made once per test process (nothing secret is committed).
import { generateKeyPairSync } from "node:crypto";

let cached: string | undefined;

export function testPrivateKey(): string {
  cached ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return cached;
}
