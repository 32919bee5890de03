// Each view starts with an h1 that takes focus when the view appears, so keyboard and screen
// reader users land at the top of the new content (there is no page load to do it for them).
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ caption, children, title, takeFocus = true }: { caption?: string; children: ReactNode; title: string; takeFocus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Represent`;
    // When an error summary is shown, it takes focus instead (NHS.UK error summary guidance).
    if (takeFocus) ref.current?.focus();
  }, [title, takeFocus]);
  return (
    <h1 className="nhsuk-heading-l" tabIndex={-1} ref={ref}>
      {caption !== undefined && <span className="nhsuk-caption-l">{caption}</span>}
      {children}
    </h1>
  );
}
