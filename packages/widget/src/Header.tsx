import { useLabels } from '@flowise-kit/react';
import { configImageUrl, type EmbedTheme } from './embed-theme.js';
import { CloseIcon } from './icons.js';

/** The panel's header: the title avatar and title (in the theme's colours), Clear, and Close on a floating panel. */
export function Header({
  title,
  theme,
  onClear,
  onClose,
}: {
  title: string;
  theme: EmbedTheme | undefined;
  onClear: () => void;
  onClose?: (() => void) | undefined;
}) {
  const labels = useLabels();
  const avatar = configImageUrl(theme?.chatWindow?.titleAvatarSrc);
  return (
    <header className="fk-widget__header">
      {avatar ? <img className="fk-widget__title-avatar" src={avatar} alt="" /> : null}
      <span className="fk-widget__title">{title}</span>
      <button
        type="button"
        className="fk-button fk-button--ghost"
        onClick={onClear}
        aria-label={labels.clearConversation}
      >
        {labels.clear}
      </button>
      {onClose ? (
        <button
          type="button"
          className="fk-button fk-button--ghost fk-widget__close"
          onClick={onClose}
          aria-label={labels.closeChat}
        >
          <CloseIcon size={18} />
        </button>
      ) : null}
    </header>
  );
}
