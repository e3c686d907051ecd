import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import './app.css';
import { CitizenApp } from './citizen-app.js';
import { registerServiceWorker } from './pwa.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CitizenApp />
  </StrictMode>,
);

registerServiceWorker();
