/** The page a rotating wall shows now: advances every `seconds`, or stays at 0 without rotation. */
import { useEffect, useState } from 'react';

export function useRotation(pageCount: number, seconds: number | null): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (seconds === null || pageCount < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % pageCount), seconds * 1000);
    return () => clearInterval(timer);
  }, [pageCount, seconds]);
  return pageCount > 0 ? index % pageCount : 0;
}
