/* A pure module (no router, no API client), so its rule is tested on its own. */

/**
 * The address or id of a published practice as a curator pastes it ("…/practices/<id>", "<id>"),
 * reduced to its id; null when it is neither.
 */
export function practiceIdOf(given: string): string | null {
  const text = given.trim();
  if (!text) return null;
  const path = /^[a-z]+:\/\//i.test(text) ? URL.canParse(text) && new URL(text).pathname : text;
  if (path === false) return null;
  const match = /^(?:\/?practices\/)?([A-Za-z0-9_=-]+)\/?$/.exec(path);
  return match?.[1] ?? null;
}
