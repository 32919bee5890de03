// First: zod must be in jitless mode before any schema is built (the CSP forbids eval).
import './analysis/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// NHS.UK frontend styles, bundled locally. The build strips their remote Frutiger @font-face
// (assets.nhs.uk) and inlines their icons, so the page loads nothing from the network.
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './styles/app.css';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
