/**
 * Bytes of an imported file to text, never guessed silently: a byte-order mark says UTF-8 or
 * UTF-16 (Excel's "Unicode text" is UTF-16 LE with one), UTF-16 without a mark shows in its
 * zero bytes, and anything else must be valid UTF-8. Text that is not is refused with the
 * encoding it most likely is (Windows-1252, the one Excel on Windows writes as "CSV"), for the
 * person to confirm: a file is never stored garbled ("Compa��a"). Pure; streams chunk by chunk.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding the first bytes of a file announce or show, and how many bytes its mark takes. */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bom: number } {
  const [a, b, c] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // ASCII text in UTF-16 without a mark: every other byte is zero.
  const pairs = Math.min(64, Math.floor(head.length / 2));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  if (pairs >= 4 && oddZeros > pairs * 0.7 && evenZeros === 0)
    return { encoding: 'utf-16le', bom: 0 };
  if (pairs >= 4 && evenZeros > pairs * 0.7 && oddZeros === 0)
    return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

/** UTF-8 that does not decode, and what it most likely is; `firstLineWith` shows a line of it. */
export class NotUtf8Error extends Error {
  constructor(readonly suggestion: Encoding) {
    super(`not UTF-8; looks like ${suggestion}`);
    this.name = 'NotUtf8Error';
  }
}

/**
 * Decodes a file chunk by chunk. Given no `encoding`, the first chunk decides (mark or
 * zeros), and UTF-8 is decoded strictly: the first invalid byte throws `NotUtf8Error`.
 */
export class ChunkDecoder {
  private decoder?: TextDecoder;
  private chosen?: Encoding;

  constructor(private readonly encoding?: Encoding) {}

  /** The encoding in use, once the first chunk is in. */
  get used(): Encoding | undefined {
    return this.chosen;
  }

  push(bytes: Uint8Array, last = false): string {
    let chunk = bytes;
    if (!this.decoder) {
      const sniffed = sniffEncoding(bytes);
      this.chosen = this.encoding ?? sniffed.encoding;
      // A mark is skipped whatever encoding was asked for, when it is that encoding's.
      if (sniffed.encoding === this.chosen) chunk = bytes.subarray(sniffed.bom);
      this.decoder = new TextDecoder(this.chosen, {
        fatal: this.chosen === 'utf-8',
        ignoreBOM: true,
      });
    }
    try {
      return this.decoder.decode(chunk, { stream: !last });
    } catch {
      throw new NotUtf8Error('windows-1252');
    }
  }
}

/** The first line of a file's first bytes that is not plain ASCII, read in `encoding`, to ask about it. */
export function firstLineWith(head: Uint8Array, encoding: Encoding): string {
  const text = new TextDecoder(encoding).decode(head);
  const lines = text.split(/\r\n|\r|\n/);
  return (lines.find((l) => [...l].some((c) => c.charCodeAt(0) > 0x7f)) ?? lines[0] ?? '').slice(
    0,
    120,
  );
}

/** A whole file's bytes as text (see `ChunkDecoder`). */
export function decodeBytes(
  bytes: Uint8Array,
  encoding?: Encoding,
): { text: string; encoding: Encoding } {
  const decoder = new ChunkDecoder(encoding);
  const text = decoder.push(bytes, true);
  return { text, encoding: decoder.used! };
}
