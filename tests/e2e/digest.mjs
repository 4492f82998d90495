// The digest the app's files carry: SHA-256 over serde_json's canonical form of `content` (compact, object keys
// sorted), as domain/src/files/envelope.rs computes it. Tests and benchmarks that edit a file recompute it here.
import { createHash } from 'node:crypto';

/** serde_json's canonical form: compact, object keys sorted. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The digest of a file's `content`, lower-case hex. */
export const digestOf = (content) => createHash('sha256').update(canonical(content)).digest('hex');
