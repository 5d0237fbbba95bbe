/** The site's main sections, in the order of the main navigation (the 404 page offers them too). */
export const MAIN_SECTIONS = [
  { href: '/practices', label: 'nav.practices' },
  /** The showcase home leads to every collection (its own section would crowd the row: one item, not two). */
  { href: '/showcase', label: 'nav.showcase' },
  { href: '/experts', label: 'nav.experts' },
  { href: '/threads', label: 'nav.discussions' },
  /** The working group's own tools (groups, help desk, criteria reports, enterprises) behind one item. */
  { href: '/groups', label: 'nav.workingGroup' },
  { href: '/topics', label: 'nav.topics' },
  { href: '/places', label: 'nav.places' },
  /** Not a section but the navigation's call to act: asking the network. */
  { href: '/threads/new?kind=question', label: 'nav.ask', action: true },
] as const satisfies readonly { href: string; label: `nav.${string}`; action?: boolean }[];
