import { type Browser } from 'playwright-core';
/** Debian's Chromium, headless, with the flags this machine needs (no background networking). */
export declare function launchChromium(): Promise<Browser>;
//# sourceMappingURL=browser.d.ts.map