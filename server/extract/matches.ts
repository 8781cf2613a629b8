/** Regex helpers for the hot loops of extraction. */

/**
 * The matches of a global regex that never matches the empty string: what `[...text.matchAll(re)]`
 * gives, without the copy of the regex that matchAll makes on every call.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m);
  return out;
}
