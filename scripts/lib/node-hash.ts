/** SHA-256 as hex with Node's crypto, synchronously: the same digest as src/lib/build/hash.ts, without a Web Crypto job per file. */
import { createHash } from 'node:crypto';

export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
