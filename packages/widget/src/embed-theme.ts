import type { Labels } from '@flowise-kit/react';
import type { CSSProperties } from 'react';

/** A CSS length as flowise-embed takes it: a number is pixels, a string is used as given (`'80dvh'`, `'50%'`). */
export type CssLength = number | string;

/** A message side's look: its bubble and its avatar. */
export interface EmbedMessageTheme {
  /** Bubble background. */
  backgroundColor?: string;
  /** Bubble text colour. */
  textColor?: string;
  /** An avatar beside each bubble (default image when `avatarSrc` is not set). */
  showAvatar?: boolean;
  /** The avatar's image URL (http(s), a data image, or a path on the page's site). */
  avatarSrc?: string;
}

/**
 * flowise-embed's `theme` option, typed. The README's option table says for each key how it is honoured, or why not;
 * a test keeps that table complete against flowise-embed's own type definitions.
 */
export interface EmbedTheme {
  /** The launcher button. */
  button?: {
    /** Launcher background; also the accent colour unless `chatWindow.textInput.sendButtonColor` is set. */
    backgroundColor?: string;
    /** The launcher's icon colour. */
    iconColor?: string;
    /** An image to show in the launcher instead of the chat icon. */
    customIconSrc?: string;
    /** Distance from the viewport's right edge, in px. Default 20. */
    right?: number;
    /** Distance from the viewport's bottom edge, in px. Default 20. */
    bottom?: number;
    /** `small` (48 px), `medium` (56, the default), `large` (64) or a size in px. */
    size?: number | 'small' | 'medium' | 'large';
    /** The launcher can be dragged sideways along the bottom of the page. */
    dragAndDrop?: boolean;
    /** Opens the panel by itself after `openDelay` seconds (default 2); on a phone only with `autoOpenOnMobile`. */
    autoWindowOpen?: {
      /** Open by itself. */
      autoOpen?: boolean;
      /** Seconds before it opens. Default 2. */
      openDelay?: number;
      /** Also on a screen 640 px wide or less. */
      autoOpenOnMobile?: boolean;
    };
  };
  /** A speech bubble beside the closed launcher (off unless `showTooltip`, as in flowise-embed). */
  tooltip?: {
    /** Show it. */
    showTooltip?: boolean;
    /** Its text. Default: the `tooltip` label. */
    tooltipMessage?: string;
    /** Its background. */
    tooltipBackgroundColor?: string;
    /** Its text colour. */
    tooltipTextColor?: string;
    /** In px. */
    tooltipFontSize?: number;
  };
  /** A pop-up over the chat until the user accepts it (accepting is remembered on this site). */
  disclaimer?: {
    /** Its heading. Default: the `disclaimerTitle` label. */
    title?: string;
    /** Its text (plain text; line breaks make paragraphs). */
    message?: string;
    /** The accept button's label. Default: the `disclaimerAccept` label. */
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
  /** CSS added after the widget's own (inside its shadow root in the script build). Yours: it is not sanitised. */
  customCSS?: string;
  /** The lead form's colours. */
  form?: {
    /** Its background. */
    backgroundColor?: string;
    /** Its text colour. */
    textColor?: string;
  };
  /** The chat panel. */
  chatWindow?: {
    /** The header's title. Default: the `title` label. */
    title?: string;
    /** `false` hides the header. */
    showTitle?: boolean;
    /** An image before the title. */
    titleAvatarSrc?: string;
    /** The header's text and buttons. */
    titleTextColor?: string;
    /** The header's background. */
    titleBackgroundColor?: string;
    /** The first bubble of the conversation (it stays after the first question). */
    welcomeMessage?: string;
    /** Shown instead of a failed answer's error text. */
    errorMessage?: string;
    /** The panel's background. */
    backgroundColor?: string;
    /** The panel's background image (URL). */
    backgroundImage?: string;
    /** Default 640 px. */
    height?: CssLength;
    /** Default 400 px. */
    width?: CssLength;
    /** Base font size, in px. */
    fontSize?: number;
    /** Questions offered before the first one (else the chatflow's own). */
    starterPrompts?: string[];
    /** The starter prompts' font size, in px. */
    starterPromptFontSize?: number;
    /** The answers' look. */
    botMessage?: EmbedMessageTheme;
    /** The questions' look. */
    userMessage?: EmbedMessageTheme;
    /** The composer. */
    textInput?: {
      /** The text field's placeholder. */
      placeholder?: string;
      /** The composer's background. */
      backgroundColor?: string;
      /** The typed text's colour. */
      textColor?: string;
      /** The Send button's colour (the accent). */
      sendButtonColor?: string;
      /** The longest question accepted; longer shows the `maxCharsWarningMessage` and Send is disabled. */
      maxChars?: number;
      /** The warning past `maxChars`. */
      maxCharsWarningMessage?: string;
      /** Focus the text field when the panel opens (default true). */
      autoFocus?: boolean;
    };
    /** The thumbs' colour. */
    feedback?: {
      /** Their colour. */
      color?: string;
    };
    /** The line under the composer. Default "Powered by flowise-kit"; `showFooter: false` hides it. */
    footer?: {
      /** `false` hides it. */
      showFooter?: boolean;
      /** Its text colour. */
      textColor?: string;
      /** The words before the company. */
      text?: string;
      /** The company's name. */
      company?: string;
      /** The company's link (http(s)). */
      companyLink?: string;
    };
    /** The sources' group name. */
    sourceDocsTitle?: string;
    /** The footer's text colour (flowise-embed's older name; `footer.textColor` wins). */
    poweredByTextColor?: string;
    /** `false` hides the tool and agent steps under each answer. */
    showAgentMessages?: boolean;
    /** Not saved: the conversation starts afresh on every page load. */
    clearChatOnReload?: boolean;
    /** The date and/or time under each message. */
    dateTimeToggle?: {
      /** Show the date. */
      date?: boolean;
      /** Show the time. */
      time?: boolean;
    };
    /** HTML in answers rendered, through an allow-list (no scripts, styles, handlers or unsafe URLs). */
    renderHTML?: boolean;
  };
}

/** The theme's texts that are labels (flowise-embed spreads them over its theme). */
export function themeLabels(theme: EmbedTheme | undefined): Partial<Labels> {
  const window = theme?.chatWindow;
  const labels: Partial<Record<keyof Labels, string | undefined>> = {
    placeholder: window?.textInput?.placeholder,
    maxCharsWarning: window?.textInput?.maxCharsWarningMessage,
    errorMessage: window?.errorMessage,
    sources: window?.sourceDocsTitle,
    tooltip: theme?.tooltip?.tooltipMessage,
    footerText: window?.footer?.text,
    footerCompany: window?.footer?.company,
    disclaimerTitle: theme?.disclaimer?.title,
    disclaimerAccept: theme?.disclaimer?.buttonText,
  };
  return labels as Partial<Labels>;
}

const SIZES = { small: 48, medium: 56, large: 64 } as const;

/** The launcher's size in pixels. */
export function launcherSize(theme: EmbedTheme | undefined): number {
  const size = theme?.button?.size;
  return typeof size === 'number' ? size : SIZES[size ?? 'medium'];
}

/** A length as CSS: numbers are pixels, strings as given. */
export function cssLength(value: CssLength | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'number' ? `${value}px` : value;
}

/**
 * An image URL from the site's configuration: absolute http(s), a data image, or a path resolved against the page.
 * Anything else (`javascript:` …) is dropped.
 */
export function configImageUrl(src: string | undefined): string | undefined {
  if (!src) return undefined;
  try {
    const url = new URL(src, typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    return url.protocol === 'data:' && /^data:image\//i.test(src) ? src : undefined;
  } catch {
    return undefined;
  }
}

const cssUrl = (src: string | undefined) => {
  const url = configImageUrl(src);
  return url ? `url(${JSON.stringify(url)})` : undefined;
};

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
  set('--fk-bg-image', cssUrl(window?.backgroundImage));
  set('--fk-font-size', window?.fontSize, 'px');
  set('--fk-assistant-bg', window?.botMessage?.backgroundColor);
  set('--fk-assistant-text', window?.botMessage?.textColor);
  set('--fk-user-bg', window?.userMessage?.backgroundColor);
  set('--fk-user-text', window?.userMessage?.textColor);
  set('--fk-surface', window?.textInput?.backgroundColor);
  set('--fk-input-text', window?.textInput?.textColor);
  set('--fk-title-bg', window?.titleBackgroundColor);
  set('--fk-title-text', window?.titleTextColor);
  set('--fk-feedback', window?.feedback?.color);
  set('--fk-footer-text', window?.footer?.textColor ?? window?.poweredByTextColor);
  set('--fk-prompt-size', window?.starterPromptFontSize, 'px');
  set('--fk-form-bg', theme?.form?.backgroundColor);
  set('--fk-form-text', theme?.form?.textColor);
  set('--fk-tooltip-bg', theme?.tooltip?.tooltipBackgroundColor);
  set('--fk-tooltip-text', theme?.tooltip?.tooltipTextColor);
  set('--fk-tooltip-size', theme?.tooltip?.tooltipFontSize, 'px');
  if (window?.botMessage?.showAvatar) set('--fk-bot-avatar', cssUrl(window.botMessage.avatarSrc) ?? BOT_AVATAR);
  if (window?.userMessage?.showAvatar) set('--fk-user-avatar', cssUrl(window.userMessage.avatarSrc) ?? USER_AVATAR);
  set('--fk-widget-width', cssLength(window?.width));
  set('--fk-widget-height', cssLength(window?.height));
  set('--fk-widget-right', theme?.button?.right, 'px');
  set('--fk-widget-bottom', theme?.button?.bottom, 'px');
  set('--fk-launcher-size', launcherSize(theme), 'px');
  return style as CSSProperties;
}

const avatar = (fill: string, path: string) =>
  `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><circle cx='16' cy='16' r='16' fill='${fill}'/><path d='${path}' fill='white'/></svg>`)}")`;
// A robot's head and a person's bust, drawn for the default avatars.
const BOT_AVATAR = avatar('#64748b', 'M9 12h14v10H9zM15 7h2v5h-2zM12 15h2v2h-2zM18 15h2v2h-2z');
const USER_AVATAR = avatar('#94a3b8', 'M16 8a4 4 0 1 1 0 8a4 4 0 0 1 0-8zM8 25c0-4 4-7 8-7s8 3 8 7z');
