import { useCallback, useEffect, useState } from 'react';
import type { IncidentAction } from '../../../main/contract/incidentSchemas';
import type { IncidentView } from '../../../main/contract/incidentTypes';
import type { ApiError } from '../../../main/contract/result';
import { request } from '../../api';
import { describeError } from '../../errors';

export type Act = (action: IncidentAction, eventAt?: string) => Promise<boolean>;

const authorKey = (id: string): string => `holdfast-author-${id}`;

/**
 * One incident as the screens use it: the view from the core, who is typing, and `act`, which
 * resolves true only once the core says every entry is on disk.
 */
export function useIncident(id: string) {
  const [view, setView] = useState<IncidentView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [author, setAuthorState] = useState(() => sessionStorage.getItem(authorKey(id)) ?? '');

  const reload = useCallback(() => {
    setLoadError(null);
    void request('incidents.get', { id }).then((result) => {
      if (result.ok) setView(result.value);
      else setLoadError(result.error);
    });
  }, [id]);
  useEffect(reload, [reload]);

  const setAuthor = (name: string): void => {
    sessionStorage.setItem(authorKey(id), name);
    setAuthorState(name);
  };
  const who = author.trim() || view?.lead || 'Unknown';

  const act: Act = async (action, eventAt) => {
    setSaving(true);
    setSaveError(null);
    const result = await request('incidents.record', { id, author: who, action, ...(eventAt ? { eventAt } : {}) });
    setSaving(false);
    if (result.ok) {
      setView(result.value);
      return true;
    }
    setSaveError(`Not saved. ${result.error.code === 'INVALID_INPUT' ? result.error.message : describeError(result.error)}`);
    return false;
  };

  return { view, loadError, reload, saveError, saving, act, author, setAuthor, who };
}
