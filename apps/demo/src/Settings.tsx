import { useState } from 'react';
import type { Connection } from './settings';

/** API host, chatflow id and API key of a real Flowise. Kept in this browser only. */
export function Settings({
  connection,
  onSave,
  onClose,
}: {
  connection: Connection;
  onSave: (c: Connection) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState(connection);
  const field = (key: keyof Connection, label: string, hint: string, type = 'text') => (
    <label className="demo-settings__field">
      <span>{label}</span>
      <input
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        autoComplete="off"
        spellCheck={false}
      />
      <small>{hint}</small>
    </label>
  );
  return (
    <div
      className="demo-settings"
      role="dialog"
      aria-modal="true"
      aria-label="Connection settings"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(draft);
        }}
      >
        <h2>Connection</h2>
        {field(
          'apiHost',
          'API host',
          'Empty: through the dev server proxy (FLOWISE_API_HOST, default the mock). A URL: called directly, Flowise must allow this origin (CORS).',
        )}
        {field('chatflowId', 'Chatflow id', 'With the mock server, the id picks a scenario.')}
        {field(
          'apiKey',
          'API key',
          'Only for API-key protected chatflows. Stored in this browser only, never logged.',
          'password',
        )}
        <div className="demo-settings__buttons">
          <button type="button" className="fk-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="fk-button fk-button--primary">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
