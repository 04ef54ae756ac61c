/**
 * A corpus of cross-site-scripting payloads for the `hostile` scenario. Every payload that could run script tries to
 * set `window.__pwned`, so a browser test only has to check that global (the canary). The rest try to become a
 * clickable unsafe URL (`javascript:`, `data:`, `vbscript:`, `file:`), which a test checks on every link.
 */
const CANARY = 'window.__pwned=1';
const CANARY_BASE64 = 'd2luZG93Ll9fcHduZWQ9MQ=='; // btoa('window.__pwned=1')

/** Raw HTML in model output: tags, event handlers, URL attributes, mutation and parser-confusion tricks. */
const HTML: string[] = [
  `<script>${CANARY}</script>`,
  `<img src=x onerror="${CANARY}">`,
  `<svg onload="${CANARY}"></svg>`,
  `<svg><script>${CANARY}</script></svg>`,
  `<iframe src="javascript:${CANARY}"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  `<body onload="${CANARY}">`,
  `<details open ontoggle="${CANARY}">x</details>`,
  `<a href="javascript:${CANARY}">html link</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${CANARY}">`,
  `<object data="javascript:${CANARY}"></object>`,
  `<embed src="javascript:${CANARY}">`,
  `<form action="javascript:${CANARY}"><button>go</button></form>`,
  `<input autofocus onfocus="${CANARY}">`,
  `<video><source onerror="${CANARY}"></video>`,
  `<style>@import 'javascript:${CANARY}';</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${CANARY}">`,
  `<base href="javascript:${CANARY}//">`,
  `<div style="background:url(javascript:${CANARY})">styled</div>`,
  `"><img src=x onerror=${CANARY}>`,
  `'><svg/onload=${CANARY}>`,
  `<scr<script>ipt>${CANARY}</scr</script>ipt>`,
  `&lt;img src=x onerror=${CANARY}&gt;`,
  `&#60;script&#62;${CANARY}&#60;/script&#62;`,
  `<IMG SRC=JaVaScRiPt:${CANARY}>`,
  `<img src="x" onerror="&#119;indow.__pwned=1">`,
  `<a href="&#x6A;avascript:${CANARY}">entity html link</a>`,
  `<img src=x onerror=eval(atob('${CANARY_BASE64}'))>`,
  `<noscript><p title="</noscript><img src=x onerror=${CANARY}>">`,
];

/** Markdown links and images with unsafe URLs, written every way a parser might let one through. */
const MARKDOWN: string[] = [
  `[md link](javascript:${CANARY})`,
  `[md link upper](JAVASCRIPT:${CANARY})`,
  `[md link entity](&#106;avascript:${CANARY})`,
  `[md link tab](java\tscript:${CANARY})`,
  `[md link spaced](<javascript:${CANARY}>)`,
  `[md link comment](javascript://%0A${CANARY})`,
  `[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)`,
  `[vbscript link](vbscript:msgbox(1))`,
  `[file link](file:///etc/passwd)`,
  `![md image](javascript:${CANARY})`,
  `![svg image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTEiLz4=)`,
  `[ref link][evil]\n\n[evil]: javascript:${CANARY}`,
  `<javascript:${CANARY}>`,
  `[nested [inner](javascript:${CANARY})](https://example.com/outer)`,
  `[title link](https://example.com "x\\" onmouseover=\\"${CANARY}")`,
  '```html\n<script>window.__pwned=1</script>\n```',
];

/**
 * Formulas, highlighted code and tables: places where a renderer hands model output to a library (KaTeX, a
 * highlighter) or builds structure from it. KaTeX's commands that make links, images or attributes, a macro that
 * expands forever, code whose highlighted grammar is HTML or script, a fence whose info string is markup, and a table
 * with markup and an unsafe link in its cells.
 */
const MATH_AND_CODE: string[] = [
  `$\\href{javascript:${CANARY}}{math link}$`,
  `$$\\url{javascript:${CANARY}}$$`,
  `\\(\\htmlData{onclick=${CANARY}}{data attribute}\\)`,
  `\\[\\htmlId{x" onmouseover="${CANARY}}{id}\\]`,
  `$\\includegraphics{javascript:${CANARY}}$ $\\htmlStyle{background:url(javascript:${CANARY})}{styled}$`,
  '$\\def\\x{\\x\\x}\\x$',
  '```html\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\n```',
  '```js\ndocument.body.innerHTML = "<img src=x onerror=window.__pwned=1>";\n```',
  '```"><img src=x onerror=window.__pwned=1>\nfence with markup for a language\n```',
  `| cell | link |\n|---|---|\n| <img src=x onerror="${CANARY}"> | [table link](javascript:${CANARY}) |`,
];

/** Every payload: at least 40. */
export const XSS_PAYLOADS: readonly string[] = [...HTML, ...MARKDOWN, ...MATH_AND_CODE];

/** A payload that is a block of its own (a fence, a display formula, a table): it starts a paragraph. */
const BLOCK_PAYLOAD = /^(?:```|\$\$|\\\[|\|)/;

/** URLs a source document's metadata or a link might carry; none may become a clickable link. */
export const UNSAFE_URLS: readonly string[] = [
  `javascript:${CANARY}`,
  ` JavaScript:${CANARY}`,
  `java\nscript:${CANARY}`,
  'data:text/html,<script>parent.__pwned=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];

/**
 * The hostile answer's markdown: every payload in its own paragraph, then cut into 3-character tokens, so a payload
 * never arrives whole in one token (a renderer that sanitises token by token would miss it).
 */
export function hostileTokens(): string[] {
  const text = `Here is everything at once.\n\n${XSS_PAYLOADS.map((p, i) => `Payload ${i + 1}:${BLOCK_PAYLOAD.test(p) ? '\n\n' : ' '}${p}`).join('\n\n')}\n\nThe end.`;
  const tokens: string[] = [];
  for (let i = 0; i < text.length; i += 3) tokens.push(text.slice(i, i + 3));
  return tokens;
}
