/**
 * Pure: what a wall shows, from its URL (Grafana-style kiosk links).
 *
 * - `?panels=tension,troops,meetings,ticker,clocks` chooses panels (default: all).
 *   `|` splits the main panels into pages: `?panels=tension,troops|meetings`.
 * - `?rotate=30` turns pages every 30 s (5 … 3600). With one page and rotation, each main
 *   panel gets the screen in turn.
 * - `?clocks=Kyiv=Europe/Kyiv,Moscow=Europe/Moscow` overrides the server's clocks.
 * - `?verified=1` shows verified troop figures and meetings only.
 */

export const mainPanels = ['tension', 'troops', 'meetings'] as const;
export type MainPanel = (typeof mainPanels)[number];
/** Strips stay on screen on every page. */
export const stripPanels = ['clocks', 'ticker'] as const;
export type StripPanel = (typeof stripPanels)[number];

export type ClockSpec = { label: string; zone: string };

export type WallParams = {
  /** Each page is a list of main panels, shown side by side. At least one page (possibly with no main panel). */
  pages: MainPanel[][];
  strips: Record<StripPanel, boolean>;
  /** Seconds per page, or null when the wall does not rotate. */
  rotateSeconds: number | null;
  /** Clocks from the URL, or null to use the server's configuration. */
  clocks: ClockSpec[] | null;
  /** Only what the desk verified (`?verified=1`). */
  verifiedOnly: boolean;
};

export const MIN_ROTATE_SECONDS = 5;
export const MAX_ROTATE_SECONDS = 3600;
/** Bounds the clock strip, whatever a URL says. */
export const MAX_CLOCKS = 8;

const isMain = (s: string): s is MainPanel => (mainPanels as readonly string[]).includes(s);
const isStrip = (s: string): s is StripPanel => (stripPanels as readonly string[]).includes(s);

/** Parses `Label=Zone,Label=Zone` (the WALL_CLOCKS format); malformed pairs are dropped. */
export function parseClockList(text: string): ClockSpec[] {
  return text
    .split(',')
    .map((pair) => pair.split('='))
    .filter((p) => p.length === 2 && p[0].trim() !== '' && p[1].trim() !== '')
    .map(([label, zone]) => ({ label: label.trim().slice(0, 40), zone: zone.trim() }))
    .slice(0, MAX_CLOCKS);
}

export function parseWallParams(search: string): WallParams {
  const params = new URLSearchParams(search);
  const panelText = params.get('panels');
  const strips: Record<StripPanel, boolean> = { clocks: true, ticker: true };
  let pages: MainPanel[][] = [[...mainPanels]];

  if (panelText !== null && panelText.trim() !== '') {
    const names = panelText.split(/[,|]/).map((s) => s.trim().toLowerCase());
    strips.clocks = names.includes('clocks');
    strips.ticker = names.includes('ticker');
    pages = panelText
      .split('|')
      .map((page) =>
        page
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(isMain)
          .filter((name, i, all) => all.indexOf(name) === i),
      )
      .filter((page) => page.length > 0);
    // Only strips chosen: one page without main panels. Only unknown names: the default wall, not a blank one.
    if (pages.length === 0) pages = names.some(isStrip) ? [[]] : [[...mainPanels]];
  }

  const rotateRaw = Number(params.get('rotate'));
  const rotateSeconds =
    params.has('rotate') && Number.isFinite(rotateRaw) && rotateRaw > 0
      ? Math.min(MAX_ROTATE_SECONDS, Math.max(MIN_ROTATE_SECONDS, Math.round(rotateRaw)))
      : null;
  if (rotateSeconds !== null && pages.length === 1 && pages[0].length > 1) pages = pages[0].map((p) => [p]);

  const clocksText = params.get('clocks');
  const clocks = clocksText ? parseClockList(clocksText) : null;

  return {
    pages,
    strips,
    rotateSeconds: pages.length > 1 ? rotateSeconds : null,
    clocks: clocks && clocks.length > 0 ? clocks : null,
    verifiedOnly: params.get('verified') === '1' || params.get('verified') === 'true',
  };
}
