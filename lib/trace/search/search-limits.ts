// How many traces a search may ask for. Apart from search-params.ts (which needs nuqs, a
// client-only module) so server code that builds a search request can read them too.

export const LIMIT_CHOICES = [20, 50, 100, 200, 500] as const;
export const DEFAULT_LIMIT = 50;
/** The largest limit offered; a bigger one in a URL is lowered to it (and the page says so). */
export const MAX_LIMIT: number = Math.max(...LIMIT_CHOICES);
