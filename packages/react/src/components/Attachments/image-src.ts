import { safeImageUrl } from '../Markdown/safe-url.js';

const IMAGE_DATA_URL = /^data:image\/[a-z0-9.+-]+;base64,[a-z0-9+/=\s]*$/i;

/**
 * An upload's image as an `<img src>`: an http(s) URL or a base64 `data:image/…` URL (the user's own file, shown in
 * an `<img>`, where nothing runs), else `undefined`. A saved history's uploads are URLs or nothing.
 */
export function uploadImageSrc(data: unknown): string | undefined {
  if (typeof data === 'string' && IMAGE_DATA_URL.test(data)) return data;
  return safeImageUrl(data);
}
