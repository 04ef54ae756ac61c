import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in a browser, `useEffect` on the server: React warns about layout effects during server
 * rendering, and what they do (restoring history, measuring, applying options before children's effects) matters
 * only in a browser.
 */
export const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;
