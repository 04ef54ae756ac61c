import { useLabels } from '@flowise-kit/react';
import { useEffect, useRef, type PointerEvent, type RefObject } from 'react';
import { configImageUrl, launcherSize, type EmbedTheme } from './embed-theme.js';
import { ChatIcon, CloseIcon } from './icons.js';

/** A phone: auto-open waits for `autoOpenOnMobile` there (as flowise-embed; the panel fills the screen). */
const PHONE_WIDTH = 640;

/** `button.autoWindowOpen`: opens the panel after `openDelay` seconds (default 2), on a phone only when asked. */
export function useAutoOpen(
  auto: NonNullable<EmbedTheme['button']>['autoWindowOpen'],
  fullPage: boolean,
  setOpen: (open: boolean) => void,
): void {
  useEffect(() => {
    if (!auto?.autoOpen || fullPage || (!auto.autoOpenOnMobile && window.innerWidth <= PHONE_WIDTH)) return;
    const timer = setTimeout(() => setOpen(true), (auto.openDelay ?? 2) * 1000);
    return () => clearTimeout(timer);
  }, [auto?.autoOpen, auto?.autoOpenOnMobile, auto?.openDelay, fullPage, setOpen]);
}

/** Moves smaller than this are a click, not a drag. */
const DRAG_SLOP = 4;

/**
 * The floating launcher: the chat icon (or the theme's image), a tooltip beside it while closed, and, with
 * `button.dragAndDrop`, dragging sideways along the bottom of the page (the panel follows).
 */
export function Launcher({
  open,
  panelId,
  theme,
  right,
  showTooltip,
  buttonRef,
  onToggle,
  onMove,
}: {
  open: boolean;
  panelId: string;
  theme: EmbedTheme | undefined;
  right: number;
  showTooltip: boolean;
  buttonRef: RefObject<HTMLButtonElement | null>;
  onToggle: () => void;
  onMove: (right: number) => void;
}) {
  const labels = useLabels();
  const drag = useRef<{ x: number; right: number; moved: boolean }>(undefined);
  const dragged = useRef(false);
  const size = launcherSize(theme);
  const icon = configImageUrl(theme?.button?.customIconSrc);
  const draggable = theme?.button?.dragAndDrop === true;
  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (!draggable || event.button !== 0) return;
    drag.current = { x: event.clientX, right, moved: false };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent) => {
    const start = drag.current;
    if (!start) return;
    const dx = start.x - event.clientX;
    if (Math.abs(dx) > DRAG_SLOP) start.moved = true;
    if (start.moved) onMove(Math.min(Math.max(start.right + dx, 8), window.innerWidth - size - 8));
  };
  const onPointerUp = () => {
    dragged.current = drag.current?.moved ?? false;
    drag.current = undefined;
  };
  const tooltip = theme?.tooltip;
  return (
    <>
      {showTooltip && !open ? (
        <div className="fk-widget__tooltip" role="status">
          {tooltip?.tooltipMessage ?? labels.tooltip}
        </div>
      ) : null}
      <button
        ref={buttonRef}
        type="button"
        className={draggable ? 'fk-widget__launcher fk-widget__launcher--draggable' : 'fk-widget__launcher'}
        aria-label={open ? labels.closeChat : labels.openChat}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClick={() => {
          // The click that ends a drag does not toggle the panel.
          if (dragged.current) dragged.current = false;
          else onToggle();
        }}
      >
        {open ? (
          <CloseIcon size={Math.round(size * 0.45)} />
        ) : icon ? (
          <img className="fk-widget__launcher-icon" src={icon} alt="" draggable={false} />
        ) : (
          <ChatIcon size={Math.round(size * 0.46)} />
        )}
      </button>
    </>
  );
}
