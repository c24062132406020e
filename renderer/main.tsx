import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startEarly } from './api';
import { App } from './App';
import { parseRoute } from './useRoute';
import './styles.css';

// Ask for the first screen's data now; the components pick these answers up when they mount.
const route = parseRoute(window.location.hash);
if (route.name === 'runbook') startEarly('runbooks.get', { id: route.id });
startEarly('runbooks.list', {});
startEarly('app.status', {});

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
