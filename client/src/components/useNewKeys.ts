/**
 * The keys of a list that were not there when it first rendered: only those animate in,
 * so a wall that loads does not twitch, but a new item slides in. Bounded by the first list.
 */
import { useState } from 'react';

export function useNewKeys(keys: readonly string[]): (key: string) => boolean {
  const [initial] = useState(() => new Set(keys));
  return (key) => !initial.has(key);
}
