import type { CSSProperties } from 'react';

/**
 * The part of flowise-embed's `theme` option this widget honours, so a site can switch by changing the script URL.
 * Keys not listed here are ignored (documented in the README).
 */
export interface EmbedTheme {
  button?: { backgroundColor?: string; iconColor?: string; right?: number; bottom?: number; size?: number | 'small' | 'medium' | 'large' };
  chatWindow?: {
    title?: string;
    showTitle?: boolean;
    welcomeMessage?: string;
    backgroundColor?: string;
    height?: number;
    width?: number;
    fontSize?: number;
    starterPrompts?: string[];
    botMessage?: { backgroundColor?: string; textColor?: string };
    userMessage?: { backgroundColor?: string; textColor?: string };
    textInput?: { placeholder?: string; backgroundColor?: string; textColor?: string; sendButtonColor?: string };
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
