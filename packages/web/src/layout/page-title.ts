import { useEffect } from 'react';

/** Names the browser tab after the page, so each screen is announced and findable by its name. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Cope & Hope`;
  }, [title]);
}
