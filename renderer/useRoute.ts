import { useEffect, useState } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'situation'; category: string }
  | { name: 'runbook'; id: string; stepId?: string }
  | { name: 'all' }
  | { name: 'settings' }
  | { name: 'contacts'; role?: string }
  | { name: 'systems'; system?: string }
  | { name: 'grab-bag' };

/** Reads the hash route; hash routing works the same under app:// and the web harness. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'runbooks' && parts[1]) return parts[2] ? { name: 'runbook', id: parts[1], stepId: parts[2] } : { name: 'runbook', id: parts[1] };
  if (parts[0] === 'situations' && parts[1]) return { name: 'situation', category: parts[1] };
  if (parts[0] === 'all') return { name: 'all' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'contacts') return parts[1] ? { name: 'contacts', role: parts[1] } : { name: 'contacts' };
  if (parts[0] === 'systems') return parts[1] ? { name: 'systems', system: parts[1] } : { name: 'systems' };
  if (parts[0] === 'grab-bag') return { name: 'grab-bag' };
  return { name: 'home' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export const href = {
  home: '#/',
  all: '#/all',
  settings: '#/settings',
  contacts: (role?: string) => (role ? `#/contacts/${encodeURIComponent(role)}` : '#/contacts'),
  systems: (system?: string) => (system ? `#/systems/${encodeURIComponent(system)}` : '#/systems'),
  grabBag: '#/grab-bag',
  situation: (category: string) => `#/situations/${encodeURIComponent(category)}`,
  runbook: (id: string, stepId?: string) => `#/runbooks/${encodeURIComponent(id)}${stepId ? `/${encodeURIComponent(stepId)}` : ''}`,
};
