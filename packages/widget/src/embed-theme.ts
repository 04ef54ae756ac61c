import type { CSSProperties } from 'react';

/**
 * The part of flowise-embed's `theme` option this widget honours, so a site can switch by changing the script URL.
 * Keys not listed here are ignored (documented in the README).
 */
export interface EmbedTheme {
  /** The launcher button. */
  button?: {
    /** Launcher background; also the accent colour unless `chatWindow.textInput.sendButtonColor` is set. */
    backgroundColor?: string;
    /** The launcher's icon colour. */
    iconColor?: string;
    /** Distance from the viewport's right edge, in px. Default 20. */
    right?: number;
    /** Distance from the viewport's bottom edge, in px. Default 20. */
    bottom?: number;
    /** `small` (48 px), `medium` (56, the default), `large` (64) or a size in px. */
    size?: number | 'small' | 'medium' | 'large';
  };
  /** A pop-up over the chat until the user accepts it (accepting is remembered on this site). */
  disclaimer?: {
    /** Its heading. Default "Disclaimer". */
    title?: string;
    /** Its text (plain text; line breaks make paragraphs). */
    message?: string;
    /** The accept button's label. Default "Start chatting". */
    buttonText?: string;
    /** The accept button's colour. */
    buttonColor?: string;
    /** The accept button's text colour. */
    buttonTextColor?: string;
    /** A deny button's label: when set, a deny button closes the chat. */
    denyButtonText?: string;
    /** The deny button's background. */
    denyButtonBgColor?: string;
    /** The pop-up's background. */
    backgroundColor?: string;
    /** The pop-up's text colour. */
    textColor?: string;
    /** The veil over the chat behind the pop-up. */
    blurredBackgroundColor?: string;
  };
  /** The chat panel. */
  chatWindow?: {
    /** The header's title. Default "Chat". */
    title?: string;
    /** `false` hides the header. */
    showTitle?: boolean;
    /** Shown before the first question. */
    welcomeMessage?: string;
    /** The panel's background. */
    backgroundColor?: string;
    /** The panel's height, in px. Default 640. */
    height?: number;
    /** The panel's width, in px. Default 400. */
    width?: number;
    /** Base font size, in px. */
    fontSize?: number;
    /** Questions offered before the first one (else the chatflow's own). */
    starterPrompts?: string[];
    /** The answers' bubbles. */
    botMessage?: {
      /** Bubble background. */
      backgroundColor?: string;
      /** Bubble text colour. */
      textColor?: string;
    };
    /** The questions' bubbles. */
    userMessage?: {
      /** Bubble background. */
      backgroundColor?: string;
      /** Bubble text colour. */
      textColor?: string;
    };
    /** The composer. */
    textInput?: {
      /** The text field's placeholder. */
      placeholder?: string;
      /** The composer's background. */
      backgroundColor?: string;
      /** Accepted for compatibility; not applied yet. */
      textColor?: string;
      /** The Send button's colour (the accent). */
      sendButtonColor?: string;
    };
  };
}

const SIZES = { small: 48, medium: 56, large: 64 } as const;

/** The launcher's size in pixels. */
export function launcherSize(theme: EmbedTheme | undefined): number {
  const size = theme?.button?.size;
  return typeof size === 'number' ? size : SIZES[size ?? 'medium'];
}

/** flowise-embed theme colours and sizes as our --fk-* custom properties (on the widget's root). */
export function themeToStyle(theme: EmbedTheme | undefined): CSSProperties {
  const style: Record<string, string> = {};
  const set = (name: string, value: string | number | undefined, unit = '') => {
    if (value !== undefined && value !== '') style[name] = `${value}${unit}`;
  };
  const window = theme?.chatWindow;
  set('--fk-accent', window?.textInput?.sendButtonColor ?? theme?.button?.backgroundColor);
  set('--fk-launcher-bg', theme?.button?.backgroundColor);
  set('--fk-launcher-icon', theme?.button?.iconColor);
  set('--fk-bg', window?.backgroundColor);
  set('--fk-font-size', window?.fontSize, 'px');
  set('--fk-assistant-bg', window?.botMessage?.backgroundColor);
  set('--fk-assistant-text', window?.botMessage?.textColor);
  set('--fk-user-bg', window?.userMessage?.backgroundColor);
  set('--fk-user-text', window?.userMessage?.textColor);
  set('--fk-surface', window?.textInput?.backgroundColor);
  set('--fk-widget-width', window?.width, 'px');
  set('--fk-widget-height', window?.height, 'px');
  set('--fk-widget-right', theme?.button?.right, 'px');
  set('--fk-widget-bottom', theme?.button?.bottom, 'px');
  set('--fk-launcher-size', launcherSize(theme), 'px');
  return style as CSSProperties;
}
