import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './app.css';
import { CitizenApp } from './citizen-app.js';
import { registerServiceWorker } from './pwa.js';
import { countInstall } from './alerts/install-count.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CitizenApp />
  </StrictMode>,
);

registerServiceWorker();
// Weekly 'still in use' ping of the anonymous install count (only once an area has been chosen).
countInstall();
