// Stored failure text is compressed with Brotli (node:zlib, no dependency). Quality 5: close to the
// best ratio on CI logs at a fraction of quality 11's time (bench: test/bench/keep.ts).
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants } from "node:zlib";

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

export const KEEP_ENCODING = "br";
export const KEEP_QUALITY = 5;

export async function packText(text: string): Promise<Buffer> {
  const raw = Buffer.from(text, "utf8");
  return compress(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: KEEP_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
}

/** The text back; `maxBytes` bounds what a corrupt or hostile row can expand to. */
export async function unpackText(body: Uint8Array, encoding: string, maxBytes: number): Promise<string> {
  if (encoding !== KEEP_ENCODING) throw new Error(`unknown failure text encoding "${encoding}"`);
  const raw = await decompress(body, { maxOutputLength: maxBytes });
  return raw.toString("utf8");
}
