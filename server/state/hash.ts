/** A small, stable, dependency-free string hash for ids (not for security). */

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** 16 hex digits from two FNV-1a passes with different seeds: collisions are negligible at our scale. */
export function stableHash(text: string): string {
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x01234567).toString(16).padStart(8, '0');
  return a + b;
}
