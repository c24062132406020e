import { askWhoIsRecording, useRecorder } from './recordingSession';

/** The id of the bar's button, for an error summary that sends the person back to it. */
export const RECORDING_AS_BUTTON_ID = 'recording-as-button';

/**
 * "Recording as: Jo Smith · Change", always in view where entries are made, so nobody records
 * under someone else's name without seeing it. Before anyone has said, it says so and offers to.
 */
export function RecordingAs() {
  const recorder = useRecorder();
  return (
    <p className="recording-as">
      Recording as: <strong>{recorder ?? 'no one yet'}</strong>
      {' · '}
      <button
        id={RECORDING_AS_BUTTON_ID}
        type="button"
        className="link-button"
        onClick={() => void askWhoIsRecording(recorder ? 'change' : 'first-entry')}
      >
        {recorder ? (
          <>
            Change<span className="visually-hidden"> who is recording</span>
          </>
        ) : (
          'Say who you are'
        )}
      </button>
    </p>
  );
}
