import type { Connection } from './types';

/** Whether two connections carry the same data, so the old object (and its rendered row) can stay. */
function sameConnection(a: Connection, b: Connection): boolean {
  if (a === b) return true;
  const keysA = Object.keys(a) as (keyof Connection)[];
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    // As many keys on each side is not the same keys: `{ statusSince: undefined }` against
    // `{ canReauthorize: false }`.
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (!sameFlatObject(x as Record<string, unknown>, y as Record<string, unknown>)) return false;
  }
  return true;
}

function sameFlatObject(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && Object.is(a[key], b[key]));
}

export { sameConnection };
