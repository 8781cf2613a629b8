/**
 * A display token given in the URL (`/wall?token=…`). Kept in memory for this tab only, and
 * removed from the address bar so it does not end up in screenshots or shared links.
 */
let cached: string | undefined;

export function urlToken(): string | undefined {
  if (cached !== undefined) return cached || undefined;
  const params = new URLSearchParams(window.location.search);
  cached = params.get('token') ?? sessionStorage.getItem('crisis-desk-token') ?? '';
  if (params.has('token')) {
    sessionStorage.setItem('crisis-desk-token', cached);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
  }
  return cached || undefined;
}
