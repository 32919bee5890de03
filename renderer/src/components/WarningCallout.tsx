// The NHS.UK warning callout with a list of points: the one markup for every "About this file",
// "Please note" and failed-screen list, so the hidden "Important:" prefix and the label's heading
// are the same everywhere. `level` keeps the heading in the page's outline.
import type { ReactNode } from 'react';

export function WarningCallout({ title, items, level, role, children }: { title: string; items: readonly string[]; level: 2 | 3 | 4; role?: 'status'; children?: ReactNode }) {
  const Heading = `h${level}` as const;
  return (
    <div className="nhsuk-warning-callout" {...(role ? { role } : {})}>
      <Heading className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {title}
        </span>
      </Heading>
      {children}
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
