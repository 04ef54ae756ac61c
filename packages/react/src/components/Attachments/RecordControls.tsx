import { fillLabel, type Labels } from '../../labels.js';
import type { Recorder } from './useRecorder.js';

/** The microphone button, and while recording: the elapsed time, Cancel and Send. */
export function RecordControls({
  recorder,
  labels,
  disabled,
  onRecorded,
}: {
  recorder: Recorder;
  labels: Labels;
  disabled: boolean;
  onRecorded: () => void;
}) {
  if (recorder.elapsed === undefined) {
    return (
      <button
        type="button"
        className="fk-button fk-button--ghost fk-composer__tool"
        aria-label={labels.record}
        title={labels.record}
        disabled={disabled}
        onClick={() => void recorder.start()}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor" />
          <path
            d="M5 11a7 7 0 0 0 14 0M12 18v3"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
      </button>
    );
  }
  return (
    <div className="fk-recording" role="group" aria-label={labels.record}>
      <span className="fk-recording__dot" aria-hidden="true" />
      <span className="fk-recording__time" role="timer" aria-live="off">
        {fillLabel(labels.recording, { time: clock(recorder.elapsed) })}
      </span>
      <button type="button" className="fk-button fk-button--ghost" onClick={recorder.cancel}>
        {labels.cancelRecording}
      </button>
      <button type="button" className="fk-button fk-button--primary" onClick={onRecorded}>
        {labels.stopRecording}
      </button>
    </div>
  );
}

/** Seconds as minutes and seconds: `0:07`, `1:30`. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
