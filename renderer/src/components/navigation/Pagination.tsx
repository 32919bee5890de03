// NHS.UK "Previous" / "Next" pagination between the sub-views of a page, drawn as
// nhsuk-frontend's pagination template draws it (Chromium names the links "Previous page : <title>"
// and "Next page : <title>"), with the click handled in the app instead of by navigation.
import { selectWith, type SubViewEntry } from './ContentsList';

export interface PaginationProps {
  /** The navigation landmark's name, e.g. "Representation pages". */
  label: string;
  previous: SubViewEntry | undefined;
  next: SubViewEntry | undefined;
  onSelect(id: string): void;
}

export function Pagination({ label, previous, next, onSelect }: PaginationProps) {
  if (!previous && !next) return null;
  return (
    <nav className="nhsuk-pagination" aria-label={label}>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {previous && <PageLink entry={previous} way="previous" onSelect={onSelect} />}
        {next && <PageLink entry={next} way="next" onSelect={onSelect} />}
      </ul>
    </nav>
  );
}

const WAYS = {
  previous: { item: 'previous', link: 'prev', rel: 'prev', title: 'Previous', arrow: 'left' },
  next: { item: 'next', link: 'next', rel: 'next', title: 'Next', arrow: 'right' },
} as const;

function PageLink({ entry, way, onSelect }: { entry: SubViewEntry; way: keyof typeof WAYS; onSelect(id: string): void }) {
  const w = WAYS[way];
  return (
    <li className={`nhsuk-pagination-item--${w.item}`}>
      <a className={`nhsuk-pagination__link nhsuk-pagination__link--${w.link}`} href={`#${entry.id}`} rel={w.rel} onClick={selectWith(onSelect, entry.id)}>
        <span className="nhsuk-pagination__title">
          {w.title}
          <span className="nhsuk-u-visually-hidden"> page</span>
        </span>
        <span className="nhsuk-u-visually-hidden">:</span>
        <span className="nhsuk-pagination__page">{entry.title}</span>
        <Arrow direction={w.arrow} />
      </a>
    </li>
  );
}

/** nhsuk-frontend's arrow icons (paths copied from its icon set), decorative. */
function Arrow({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg
      className={`nhsuk-icon nhsuk-icon--arrow-${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      {direction === 'left' ? (
        <path d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z" />
      ) : (
        <path d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z" />
      )}
    </svg>
  );
}
