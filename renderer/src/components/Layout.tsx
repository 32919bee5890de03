// The NHS.UK page frame: skip link, blue header with the service name, main wrapper, footer.
// No NHS logo: the NHS identity guidelines reserve it for NHS organisations, so the deploying
// trust adds it if it wants it.
import type { ReactNode } from 'react';

export function Layout({ children, footerNote }: { children: ReactNode; footerNote: string }) {
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
