/** The network's mark: people linked around a shared centre. Decorative; the name says it all. */
export function BrandMark(props: { class?: string }) {
  return (
    <svg class={props.class} viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#0c2d4f" />
      <g stroke="#9cc3ea" stroke-width="1.6" stroke-linecap="round" fill="none">
        <path d="M9 10.5 16 8l7 2.5M9 10.5l-1 10.5M23 10.5l1 10.5M8 21l8 3 8-3M16 8v8M16 16l-8 5M16 16l8 5M16 16v8" />
      </g>
      <g fill="#fff">
        <circle cx="16" cy="8" r="2.6" />
        <circle cx="9" cy="10.5" r="2.2" />
        <circle cx="23" cy="10.5" r="2.2" />
        <circle cx="8" cy="21" r="2.2" />
        <circle cx="24" cy="21" r="2.2" />
        <circle cx="16" cy="24" r="2.2" />
      </g>
      <circle cx="16" cy="16" r="3.2" fill="#e8b23a" />
    </svg>
  );
}
