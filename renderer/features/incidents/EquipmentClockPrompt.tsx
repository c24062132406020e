import { useState } from 'react';
import type { IncidentRunbook, IncidentView } from '../../../main/contract/incidentTypes';
import { cqcApplies } from '../../../main/shared/regulators';
import { useCall } from '../../useCall';
import { EQUIPMENT_CLOCK, EquipmentDownForm } from './EquipmentDownForm';
import type { Act } from './useIncident';

/**
 * Below the current step of a runbook that may need the CQC 24-hour clock (phones, power,
 * internet…): asks whether equipment or a utility is down and since when, until the clock is
 * started or someone says nothing is down. The clock never starts without that answer.
 */
/** The prompt goes once answered: keyboard focus returns to the step being worked on. */
const focusCurrentStep = (): void => {
  // After the screen has drawn the answer, so the heading is the one shown.
  requestAnimationFrame(() => document.getElementById('current-step-title')?.focus());
};

export function EquipmentClockPrompt({
  view,
  runbook,
  act,
  saving,
}: {
  view: IncidentView;
  runbook: IncidentRunbook;
  act: Act;
  saving: boolean;
}) {
  const [settings] = useCall('settings.get', {});
  const remembered = `holdfast-nothing-down-${view.id}`;
  const [nothingDown, setNothingDown] = useState(
    () => sessionStorage.getItem(remembered) === 'yes',
  );
  const closed = view.status === 'closed' || view.log.readOnly;
  const mayNeedClock = runbook.view?.clocks.includes(EQUIPMENT_CLOCK) ?? false;
  const started = view.clocks.some((clock) => clock.id === EQUIPMENT_CLOCK);
  // Asked only once Settings say CQC regulates this provider: a pharmacy not registered with CQC has no such clock.
  if (closed || !mayNeedClock || started || nothingDown || settings.status !== 'ready') return null;
  if (!cqcApplies(settings.value)) return null;
  return (
    <aside className="equipment-prompt" aria-label="Equipment or a utility down">
      <EquipmentDownForm
        act={act}
        saving={saving}
        idPrefix="guided-equipment-down"
        headingLevel={2}
        onStarted={focusCurrentStep}
      >
        <button
          type="button"
          onClick={() => {
            sessionStorage.setItem(remembered, 'yes');
            setNothingDown(true);
            focusCurrentStep();
          }}
        >
          No, nothing is down
        </button>
      </EquipmentDownForm>
    </aside>
  );
}
