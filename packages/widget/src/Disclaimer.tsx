import { useLabels } from '@flowise-kit/react';
import { useId } from 'react';
import type { EmbedTheme } from './embed-theme.js';
import { recall, remember } from './remembered.js';

/** The key under which the accepted disclaimer is remembered (once per site, as flowise-embed's cookie). */
export const DISCLAIMER_KEY = 'flowise-kit:disclaimer-accepted';

/** Whether the disclaimer was accepted before (storage may be unavailable: then it is asked again). */
export function disclaimerAccepted(): boolean {
  return recall(DISCLAIMER_KEY) === 'true';
}

/**
 * flowise-embed's disclaimer pop-up (`theme.disclaimer`): shown over the chat until accepted; accepting is remembered;
 * the deny button (when it has a label) closes the chat.
 */
export function Disclaimer({
  disclaimer,
  onAccept,
  onDeny,
}: {
  disclaimer: NonNullable<EmbedTheme['disclaimer']>;
  onAccept: () => void;
  onDeny: () => void;
}) {
  const titleId = useId();
  const labels = useLabels();
  const accept = () => {
    remember(DISCLAIMER_KEY, 'true');
    onAccept();
  };
  const colours = {
    ...(disclaimer.backgroundColor ? { background: disclaimer.backgroundColor } : {}),
    ...(disclaimer.textColor ? { color: disclaimer.textColor } : {}),
  };
  return (
    <div
      className="fk-widget__overlay"
      style={disclaimer.blurredBackgroundColor ? { background: disclaimer.blurredBackgroundColor } : {}}
    >
      <div
        className="fk-widget__disclaimer"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        style={colours}
      >
        <h2 id={titleId}>{disclaimer.title ?? labels.disclaimerTitle}</h2>
        {(disclaimer.message ?? '').split(/\n+/).map((line, index) => (
          <p key={index}>{line}</p>
        ))}
        <div className="fk-widget__disclaimer-buttons">
          {disclaimer.denyButtonText ? (
            <button
              type="button"
              className="fk-button"
              style={disclaimer.denyButtonBgColor ? { background: disclaimer.denyButtonBgColor } : {}}
              onClick={onDeny}
            >
              {disclaimer.denyButtonText}
            </button>
          ) : null}
          <button
            type="button"
            className="fk-button fk-button--primary"
            style={{
              ...(disclaimer.buttonColor
                ? { background: disclaimer.buttonColor, borderColor: disclaimer.buttonColor }
                : {}),
              ...(disclaimer.buttonTextColor ? { color: disclaimer.buttonTextColor } : {}),
            }}
            onClick={accept}
            // The pop-up asks for a decision: its button takes the focus.
            autoFocus
          >
            {disclaimer.buttonText ?? labels.disclaimerAccept}
          </button>
        </div>
      </div>
    </div>
  );
}
