// NHS.UK contents list for pages split into sub-views ("one thing per page"). The app never
// navigates (pages are state, not URLs), so each entry is a link whose click is handled here: the
// href only gives the link its role and keyboard behaviour. The current entry is plain text with
// aria-current, as nhsuk-frontend's contents-list template draws it.
import type { MouseEvent, ReactNode } from 'react';

export interface SubViewEntry {
  id: string;
  title: string;
  /**
   * Consecutive entries with the same group are listed under it, nested, and only while one of
   * them is showing (otherwise the group is one link to its first entry), so a report with dozens
   * of tables keeps a contents list that can be read at a glance.
   */
  group?: string;
}

export interface ContentsListProps {
  /** The navigation landmark's name, e.g. "Representation contents". */
  label: string;
  entries: readonly SubViewEntry[];
  current: string;
  onSelect(id: string): void;
}

export function ContentsList({ label, entries, current, onSelect }: ContentsListProps) {
  const currentGroup = entries.find((e) => e.id === current)?.group;
  const items: ReactNode[] = [];
  for (let i = 0; i < entries.length; ) {
    const first = entries[i]!;
    let end = i + 1;
    while (first.group !== undefined && end < entries.length && entries[end]!.group === first.group) end++;
    const members = entries.slice(i, end);
    i = end;
    if (first.group === undefined || members.length === 1) {
      items.push(<Item key={first.id} entry={first} current={current} onSelect={onSelect} />);
    } else if (first.group === currentGroup) {
      items.push(
        <li className="nhsuk-contents-list__item" key={`group:${first.group}`}>
          <span className="app-contents-list__group">{first.group}</span>
          <ol className="nhsuk-contents-list__list app-contents-list__nested">
            {members.map((m) => (
              <Item key={m.id} entry={m} current={current} onSelect={onSelect} />
            ))}
          </ol>
        </li>,
      );
    } else {
      items.push(
        <li className="nhsuk-contents-list__item" key={`group:${first.group}`}>
          <a className="nhsuk-contents-list__link" href={`#${first.id}`} onClick={selectWith(onSelect, first.id)}>
            {first.group} <span className="nhsuk-u-secondary-text-colour">({members.length})</span>
          </a>
        </li>,
      );
    }
  }
  return (
    <nav className="nhsuk-contents-list" aria-label={label}>
      <h2 className="nhsuk-u-visually-hidden">Contents</h2>
      <ol className="nhsuk-contents-list__list">{items}</ol>
    </nav>
  );
}

function Item({ entry: e, current, onSelect }: { entry: SubViewEntry; current: string; onSelect(id: string): void }) {
  return e.id === current ? (
    <li className="nhsuk-contents-list__item" aria-current="page">
      <span className="nhsuk-contents-list__current">{e.title}</span>
    </li>
  ) : (
    <li className="nhsuk-contents-list__item">
      <a className="nhsuk-contents-list__link" href={`#${e.id}`} onClick={selectWith(onSelect, e.id)}>
        {e.title}
      </a>
    </li>
  );
}

/** A click handler that keeps the link from changing the URL and selects the sub-view instead. */
export function selectWith(onSelect: (id: string) => void, id: string) {
  return (event: MouseEvent) => {
    event.preventDefault();
    onSelect(id);
  };
}
