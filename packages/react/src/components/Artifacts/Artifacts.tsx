import type { Artifact, AssistantMessage, ChatStore } from '@flowise-kit/core';
import { memo, useEffect, useState } from 'react';
import { useChatStore } from '../../context.js';
import { MathBlock } from '../Markdown/Formula.js';
import { sanitizer } from '../Markdown/lazy.js';
import { Markdown } from '../Markdown/Markdown.js';
import { safeImageUrl } from '../Markdown/safe-url.js';
import { useLabels } from '../../labels.js';
import './Artifacts.css';

/** Props of {@link Artifacts}. */
export interface ArtifactsProps {
  /** The answer whose artifacts to show. */
  message: AssistantMessage;
  /** The store (for the URL of files Flowise stored); defaults to the one from `FlowiseChatProvider`. */
  store?: ChatStore;
}

const IMAGE_TYPES = new Set(['png', 'jpeg', 'jpg', 'gif', 'webp']);
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;
const FILE_STORAGE = 'FILE-STORAGE::';

/**
 * What a flow produced beside the answer's text (Flowise's `artifacts`), all untrusted: images inline (an http(s)
 * URL, a base64 image, or a file Flowise stored, fetched through `get-upload-file`; nothing else becomes a `src`);
 * `html` sanitised with DOMPurify and shown in a sandboxed frame that runs no script (shown as source text until
 * DOMPurify has loaded, or where it cannot); `markdown` through the kit's renderer; `latex` as a formula; `json`,
 * `javascript` and `text` as code.
 */
export const Artifacts = memo(function Artifacts({ message, store }: ArtifactsProps) {
  const chat = useChatStore(store);
  if (message.artifacts.length === 0) return null;
  return (
    <div className="fk-artifacts">
      {message.artifacts.map((artifact, index) => (
        <ArtifactView key={index} artifact={artifact} fileUrl={chat.uploadedFileUrl} />
      ))}
    </div>
  );
});

function imageSource(artifact: Artifact, fileUrl: (name: string) => string | undefined): string | undefined {
  const data = artifact.data.trim();
  if (data.startsWith(FILE_STORAGE)) return fileUrl(data.slice(FILE_STORAGE.length));
  if (/^data:image\/(png|jpe?g|gif|webp);base64,/i.test(data)) return data;
  if (BASE64.test(data) && data.length > 16)
    return `data:image/${artifact.type === 'jpg' ? 'jpeg' : artifact.type};base64,${data.replace(/\s/g, '')}`;
  return safeImageUrl(data);
}

function ArtifactView({ artifact, fileUrl }: { artifact: Artifact; fileUrl: (name: string) => string | undefined }) {
  const type = artifact.type.toLowerCase();
  const labels = useLabels();
  if (typeof artifact.data !== 'string') return null;
  if (IMAGE_TYPES.has(type)) {
    const src = imageSource(artifact, fileUrl);
    return src ? <img className="fk-artifact__image" src={src} alt={labels.artifactImage} loading="lazy" /> : null;
  }
  if (type === 'html') return <HtmlArtifact html={artifact.data} />;
  if (type === 'markdown') return <Markdown text={artifact.data} />;
  if (type === 'latex') return <MathBlock tex={artifact.data} display />;
  if (type === 'json' || type === 'javascript') return <Markdown text={`\`\`\`${type}\n${artifact.data}\n\`\`\``} />;
  return <pre className="fk-artifact__text">{artifact.data}</pre>;
}

/** The sanitised HTML, or `undefined` while DOMPurify loads or where it cannot be trusted (see sanitize-html.ts). */
function sanitized(html: string): string | undefined {
  try {
    return sanitizer.current()?.sanitizeHtml(html);
  } catch {
    return undefined;
  }
}

function HtmlArtifact({ html }: { html: string }) {
  const labels = useLabels();
  const [clean, setClean] = useState(() => sanitized(html));
  useEffect(() => {
    let live = true;
    sanitizer.load().then(
      () => {
        if (live) setClean(sanitized(html));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [html]);
  if (clean === undefined) return <pre className="fk-artifact__text">{html}</pre>;
  // An empty sandbox: no scripts, forms, pop-ups or navigation of the page, whatever DOMPurify let through.
  return <iframe className="fk-artifact__html" sandbox="" srcDoc={clean} title={labels.artifactHtml} />;
}
