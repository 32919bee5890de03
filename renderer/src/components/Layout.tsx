// The NHS.UK page frame: skip link, blue header with the service name, main wrapper, footer.
// No NHS logo: the NHS identity guidelines reserve it for NHS organisations, so the deploying
// trust adds it if it wants it.
import type { ReactNode } from 'react';
import { DATASET_PAGES, GENERAL_PAGES, type PageName } from '../navigation';

export interface NavState {
  current: PageName;
  hasDataset: boolean;
  go(page: PageName): void;
}

export function Layout({ children, footerNote, nav }: { children: ReactNode; footerNote: string; nav?: NavState | null }) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <span className="nhsuk-header__service-name app-header__service-name">Represent</span>
          </div>
        </div>
        {nav && <Navigation nav={nav} />}
      </header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" role="main">
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-full">{children}</div>
          </div>
        </main>
      </div>
      <footer className="nhsuk-footer" role="contentinfo">
        <div className="nhsuk-width-container">
          <div className="nhsuk-footer__meta">
            <p className="nhsuk-body-s">{footerNote}</p>
          </div>
        </div>
      </footer>
    </>
  );
}

/** Header navigation: the dataset's pages once one is open, then the pages that need none. Buttons, not links: pages are state. */
function Navigation({ nav }: { nav: NavState }) {
  const items = [...(nav.hasDataset ? DATASET_PAGES : []), ...GENERAL_PAGES];
  return (
    <nav className="nhsuk-header__navigation" aria-label="Pages">
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul className="nhsuk-header__navigation-list app-navigation-list">
          {items.map(({ page, label }) => (
            <li key={page} className={`nhsuk-header__navigation-item${page === nav.current ? ' nhsuk-header__navigation-item--current' : ''}`}>
              <button
                type="button"
                className="nhsuk-header__navigation-link app-navigation-button"
                aria-current={page === nav.current ? 'page' : undefined}
                onClick={() => nav.go(page)}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
