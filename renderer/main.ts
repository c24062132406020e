import { startEarly } from './api';
import { parseRoute } from './routes';
import './styles.css';

// This entry is small and runs as soon as it arrives. It asks for the first screen's data while
// the browser is still downloading and compiling React and the screens (mountApp, which
// index.html preloads), so the answers are usually in before React first renders; the
// components pick them up when they mount.
const route = parseRoute(window.location.hash);
if (route.name === 'runbook') startEarly('runbooks.get', { id: route.id });
startEarly('runbooks.list', {});
startEarly('app.status', {});

import('./mountApp').catch(() => {
  const root = document.getElementById('root');
  if (root) root.textContent = 'Holdfast could not start. Close it and open it again.';
});
