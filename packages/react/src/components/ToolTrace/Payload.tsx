import { formatPayload } from './format.js';
import { fillLabel, useLabels } from '../../labels.js';

/** A labelled, size-capped, pretty-printed JSON (or text) block. */
export function Payload({ label, value, limit }: { label: string; value: unknown; limit: number }) {
  const { text, omitted } = formatPayload(value, limit);
  const labels = useLabels();
  if (!text) return null;
  return (
    <div className="fk-payload">
      <div className="fk-payload__label">{label}</div>
      <pre className="fk-payload__body">
        {text}
        {omitted > 0 ? (
          <span className="fk-payload__omitted">{`\n${fillLabel(labels.moreCharacters, { count: omitted })}`}</span>
        ) : null}
      </pre>
    </div>
  );
}
