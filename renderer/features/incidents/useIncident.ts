import type { IncidentAction } from '../../../main/contract/incidentSchemas';
import type { IncidentChange, IncidentView } from '../../../main/contract/incidentTypes';
import { applyIncidentChange } from '../../../main/shared/incidentChange';
import { request } from '../../api';
import { useLoggedView } from '../../ui/useLoggedView';

export type Act = (action: IncidentAction, eventAt?: string) => Promise<boolean>;

/** One incident as the screens use it (see useLoggedView). */
export function useIncident(id: string) {
  return useLoggedView<IncidentView, IncidentAction, IncidentChange>({
    key: id,
    load: () => request('incidents.get', { id }),
    record: (author, action, eventAt) =>
      request('incidents.record', { id, author, action, ...(eventAt ? { eventAt } : {}) }),
    merge: applyIncidentChange,
  });
}
