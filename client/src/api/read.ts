/**
 * The one way pages read what a wall may read: with a display token from the page's URL as a
 * bearer (read-only), or with the session cookie on the desk. Writes go through api() in
 * http.ts (session only): a display token never acts for a person.
 */
export async function readApi<T>(path: string, token?: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
    signal,
  });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok || body === null)
    throw new Error(body?.error?.message ?? `GET ${path.split('?')[0]} answered ${res.status}`);
  return body;
}
