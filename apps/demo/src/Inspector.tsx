import { memo, useRef, useState } from 'react';
import { toRecording, wireForm, type InspectedEvent } from './recording';

/** Every SSE event of the conversation as received: turn, time offset, name and payload (secrets redacted). */
export const Inspector = memo(function Inspector({
  events,
  onReplay,
}: {
  events: InspectedEvent[];
  onReplay: (file: File) => void;
}) {
  const [filter, setFilter] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const lastTurn = events.at(-1)?.turn;
  const shown = events.filter((e) => !filter || wireForm(e.event).event.toLowerCase().includes(filter.toLowerCase()));

  const download = () => {
    const turnEvents = events.filter((e) => e.turn === lastTurn);
    const blob = new Blob([JSON.stringify(toRecording(turnEvents), null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `flowise-recording-${Date.now()}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <section className="demo-inspector" aria-label="Raw event inspector">
      <div className="demo-inspector__bar">
        <h2>
          Events <span className="fk-badge">{events.length}</span>
        </h2>
        <input
          aria-label="Filter events"
          placeholder="filter: token, metadata…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="fk-button" onClick={download} disabled={events.length === 0}>
          Export last turn
        </button>
        <button type="button" className="fk-button" onClick={() => fileInput.current?.click()}>
          Replay a recording…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json"
          hidden
          aria-label="Recording file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onReplay(file);
            e.target.value = '';
          }}
        />
      </div>
      <ol className="demo-inspector__list">
        {/* Newest first: what just arrived is what a person looks for. */}
        {shown
          .slice(-400)
          .reverse()
          .map((entry, index) => {
            const { event, data } = wireForm(entry.event);
            return (
              <li key={`${entry.turn}-${shown.length - index}`} className={`demo-event demo-event--${event}`}>
                <span className="demo-event__turn">#{entry.turn}</span>
                <span className="demo-event__time">+{entry.atMs} ms</span>
                <span className="demo-event__name">{event}</span>
                <code className="demo-event__data">
                  {typeof data === 'string' ? JSON.stringify(data) : JSON.stringify(data)?.slice(0, 300)}
                </code>
              </li>
            );
          })}
      </ol>
    </section>
  );
});
