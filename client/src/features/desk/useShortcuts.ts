/**
 * Keyboard shortcuts for the desk: j/k next/previous report, b/v/d/f toggle breaking,
 * verified, disputed, follow-up, / search, Escape leaves a field. Keys typed into a field are
 * the field's, except Escape.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { FlagKind } from '../../../../shared/report.js';

export type ShortcutActions = { move(delta: 1 | -1): void; flag(kind: FlagKind): void; search(): void };

const flagByKey: Record<string, FlagKind> = { b: 'breaking', v: 'verified', d: 'disputed', f: 'follow-up' };

export function useShortcuts(actions: ShortcutActions, canFlag: boolean): void {
  const ref = useRef(actions);
  // The handler reads the latest actions without being added and removed on every render.
  useLayoutEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        !!target &&
        (target.tagName === 'INPUT' ||
          target.tagName === 'TEXTAREA' ||
          target.tagName === 'SELECT' ||
          target.isContentEditable);
      if (e.key === 'Escape' && typing) return target.blur();
      if (typing || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === 'j') ref.current.move(1);
      else if (e.key === 'k') ref.current.move(-1);
      else if (e.key === '/') {
        e.preventDefault();
        ref.current.search();
      } else if (canFlag && flagByKey[e.key]) ref.current.flag(flagByKey[e.key]);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canFlag]);
}
