import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { earlyAnswers } from './api';
import { App } from './App';

/**
 * How long the first render waits for the first screen's answers (main.ts asked for them). They
 * are usually a few milliseconds away when React is ready; rendering a loading state first would
 * cost a throwaway render, layout and paint, then a second render of the whole screen. Past the
 * limit the loading state shows, and is announced, as before.
 */
const FIRST_RENDER_WAIT_MS = 100;

/** React and every screen: loaded by main.ts after it has asked for the first screen's data. */
const root = document.getElementById('root');
if (root) {
  const reactRoot = createRoot(root);
  void earlyAnswers(FIRST_RENDER_WAIT_MS).then(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
