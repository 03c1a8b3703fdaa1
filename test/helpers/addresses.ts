import { randomBytes } from 'node:crypto';

/**
 * A network address no other test uses (IPv6 documentation range), so limits counted per address
 * elsewhere in the run never apply to it.
 */
export function uniqueAddress(): string {
  const groups = Array.from({ length: 4 }, () => randomBytes(2).toString('hex'));
  return `2001:db8:${groups.join(':')}::1`;
}
