/**
 * The computed font size of an element in pixels, kept current as the window resizes. Charts
 * draw in pixels, so this is how their strokes, margins and axis widths follow the wall's type.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useFontSizePx<T extends HTMLElement>(fallbackPx = 20): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [px, setPx] = useState(fallbackPx);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setPx(parseFloat(getComputedStyle(el).fontSize) || fallbackPx);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackPx]);
  return [ref, px];
}
