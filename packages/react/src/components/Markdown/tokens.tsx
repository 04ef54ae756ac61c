import type { Token, Tokens } from 'marked';
import { createElement, type ReactNode } from 'react';
import { CodeBlock } from './CodeBlock.js';
import { decodeEntities } from './entities.js';
import { Formula } from './Formula.js';
import { HtmlRun } from './html.js';
import type { MathToken } from './math-syntax.js';
import { safeImageUrl, safeLinkUrl } from './safe-url.js';

/**
 * marked's tokens as React elements. Text becomes React text (escaped by React); raw HTML tokens are dropped, or,
 * under `RenderHtmlContext`, rebuilt from an allow-list (html.tsx), never set as HTML; links and images go through
 * the URL policy in safe-url.ts. This is the whole renderer: no HTML string is ever produced. Code is highlighted and formulas typeset by libraries that
 * build elements too (CodeBlock.tsx, Formula.tsx).
 */
export function renderBlocks(tokens: readonly Token[]): ReactNode[] {
  return tokens.map(renderBlock);
}

/** A code token whose fence is still open (see {@link markOpenCode}). */
type CodeToken = Tokens.Code & { streaming?: boolean };

/**
 * Marks the last code block of a streaming unit whose fence is still open (remend closed it for the lexer), so it
 * renders as plain text and is highlighted once, when its fence closes. Tokens are fresh from the lexer: marking
 * them changes no one else's.
 */
export function markOpenCode(tokens: readonly Token[]): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.type === 'code') {
      (token as CodeToken).streaming = true;
      return;
    }
    const children =
      token.type === 'list'
        ? (token as Tokens.List).items.at(-1)?.tokens
        : 'tokens' in token
          ? token.tokens
          : undefined;
    if (children?.length && token.type !== 'paragraph') return markOpenCode(children);
  }
}

function renderBlock(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'html':
      return <HtmlRun key={key} html={(token as Tokens.HTML).raw} />;
    case 'heading': {
      const heading = token as Tokens.Heading;
      return createElement(`h${Math.min(6, Math.max(1, heading.depth))}`, { key }, renderInline(heading.tokens));
    }
    case 'paragraph':
      return <p key={key}>{renderInline((token as Tokens.Paragraph).tokens)}</p>;
    case 'text': {
      const text = token as Tokens.Text;
      return <span key={key}>{text.tokens ? renderInline(text.tokens) : decodeEntities(text.text)}</span>;
    }
    case 'code': {
      const code = token as CodeToken;
      const lang = code.lang?.match(/^[\w+#.-]+/)?.[0];
      return <CodeBlock key={key} code={code.text} lang={lang} streaming={Boolean(code.streaming)} />;
    }
    case 'math': {
      const math = token as MathToken;
      return <Formula key={key} tex={math.text} display source={math.raw.trim()} />;
    }
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks((token as Tokens.Blockquote).tokens)}</blockquote>;
    case 'list':
      return renderList(token as Tokens.List, key);
    case 'table':
      return renderTable(token as Tokens.Table, key);
    case 'hr':
      return <hr key={key} />;
    default:
      return 'raw' in token && typeof token.raw === 'string' ? <p key={key}>{token.raw}</p> : null;
  }
}

function renderList(list: Tokens.List, key: number): ReactNode {
  const items = list.items.map((item, index) => renderListItem(item, list.loose, index));
  if (!list.ordered) return <ul key={key}>{items}</ul>;
  return (
    <ol key={key} {...(typeof list.start === 'number' && list.start !== 1 ? { start: list.start } : {})}>
      {items}
    </ol>
  );
}

/**
 * One `<li>`. `loose`: the whole list is loose, so the item's bare text renders as paragraphs, as marked does
 * (an item lexed on its own may not know that a blank line elsewhere in its list made the list loose).
 */
export function renderListItem(item: Tokens.ListItem, loose: boolean, key: number): ReactNode {
  const tokens = item.tokens.filter((t) => t.type !== 'checkbox');
  return (
    <li key={key}>
      {item.task ? <input type="checkbox" checked={Boolean(item.checked)} disabled readOnly /> : null}
      {item.task ? ' ' : null}
      {renderBlocks(
        loose
          ? tokens.map((t): Token =>
              t.type === 'text' && (t as Tokens.Text).tokens
                ? ({ ...(t as Tokens.Text), type: 'paragraph' } as Tokens.Paragraph)
                : t,
            )
          : tokens,
      )}
    </li>
  );
}

function renderTable(table: Tokens.Table, key: number): ReactNode {
  const align = (index: number) => {
    const value = table.align[index];
    return value ? { style: { textAlign: value } } : {};
  };
  // The table scrolls sideways inside its own box, never the bubble (Markdown.css).
  return (
    <div key={key} className="fk-markdown__table">
      <table>
        <thead>
          <tr>
            {table.header.map((cell, index) => (
              <th key={index} {...align(index)}>
                {renderInline(cell.tokens)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                <td key={index} {...align(index)}>
                  {renderInline(cell.tokens)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Inline tokens (inside paragraphs, headings, cells, list items). */
export function renderInline(tokens: readonly Token[] | undefined): ReactNode[] {
  const list = tokens ?? [];
  // Inline HTML comes as one token per tag: the run from the first tag to the last is rendered as one piece of HTML
  // (when allowed), else as its tokens (the tags dropped, the text between them kept).
  const first = list.findIndex((token) => token.type === 'html');
  if (first === -1) return list.map(renderInlineToken);
  let last = list.length - 1;
  while (list[last]!.type !== 'html') last--;
  const run = list.slice(first, last + 1);
  return [
    ...list.slice(0, first).map(renderInlineToken),
    <HtmlRun
      key={first}
      html={run.map((token) => token.raw).join('')}
      fallback={run.map((token, index) => renderInlineToken(token, first + index))}
    />,
    ...list.slice(last + 1).map((token, index) => renderInlineToken(token, last + 1 + index)),
  ];
}

function renderInlineToken(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? <span key={key}>{renderInline(text.tokens)}</span> : decodeEntities(text.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{renderInline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{renderInline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{renderInline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      // CommonMark: no character references inside code spans; the text is shown exactly as written.
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'math': {
      const math = token as MathToken;
      return <Formula key={key} tex={math.text} display={math.display} source={math.raw} />;
    }
    case 'link': {
      const link = token as Tokens.Link;
      const href = safeLinkUrl(link.href);
      const children = renderInline(link.tokens);
      if (!href)
        return (
          <span key={key} className="fk-markdown__unsafe-link">
            {children}
          </span>
        );
      return (
        <a
          key={key}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          {...(link.title ? { title: link.title } : {})}
        >
          {children}
        </a>
      );
    }
    case 'image': {
      const image = token as Tokens.Image;
      const src = safeImageUrl(image.href);
      if (!src)
        return (
          <span key={key} className="fk-markdown__unsafe-image">
            {image.text ? `[${decodeEntities(image.text)}]` : null}
          </span>
        );
      return <img key={key} src={src} alt={decodeEntities(image.text)} loading="lazy" referrerPolicy="no-referrer" />;
    }
    case 'html':
    case 'checkbox':
      // A loose task item's checkbox sits in its paragraph's tokens; renderListItem draws it.
      return null;
    default:
      return 'raw' in token && typeof token.raw === 'string' ? token.raw : null;
  }
}
