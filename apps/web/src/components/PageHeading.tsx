import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../app/router.ts';

/**
 * The screen's h1. After moving between screens it takes focus, so screen-reader and
 * keyboard users start at the top of the new screen instead of somewhere stale.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Brave Space`;
  }, [title]);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
