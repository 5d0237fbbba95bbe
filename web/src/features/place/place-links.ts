/** Where a province's page is; apart from place.api.ts so that a card linking to it loads no query. */
export const placeHref = (code: string) => `/places/${encodeURIComponent(code)}`;
