import { askWhoIsRecording, useRecorder } from './recordingSession';

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
