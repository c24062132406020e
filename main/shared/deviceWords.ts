/** The computer an entry was recorded on, as the core stored it (either part may be missing). */
export interface RecordedDevice {
  host?: string;
  user?: string;
}

/** Said for an entry written before Holdfast recorded devices, or when the system named neither. */
export const DEVICE_NOT_RECORDED = 'not recorded';

/**
 * The device in plain words, for the Log tab and reports: "CARE-PC-1, signed in as reception".
 * A part the record lacks is said to be not recorded, never guessed.
 */
export function describeDevice(device: RecordedDevice | undefined): string {
  if (!device || (device.host === undefined && device.user === undefined))
    return DEVICE_NOT_RECORDED;
  const computer = device.host ?? `computer name ${DEVICE_NOT_RECORDED}`;
  const user =
    device.user === undefined ? `user ${DEVICE_NOT_RECORDED}` : `signed in as ${device.user}`;
  return `${computer}, ${user}`;
}
