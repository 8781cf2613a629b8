/**
 * An element's size and font size in pixels, kept current as the window resizes. Charts draw in
 * pixels, so this is how their strokes, margins and axis widths follow the wall's type.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export type BoxSize = { width: number; height: number; em: number };

export function useBoxSize<T extends HTMLElement>(fallbackEm = 20): [RefObject<T | null>, BoxSize] {
  const ref = useRef<T>(null);
  const [box, setBox] = useState<BoxSize>({ width: 0, height: 0, em: fallbackEm });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const { width, height } = el.getBoundingClientRect();
      const em = parseFloat(getComputedStyle(el).fontSize) || fallbackEm;
      // The same numbers keep the same object: no redraw when nothing moved.
      setBox((prev) =>
        prev.width === width && prev.height === height && prev.em === em ? prev : { width, height, em },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackEm]);
  return [ref, box];
}
