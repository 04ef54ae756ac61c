import { memo, useMemo, useState } from 'react';
import { createSentenceSplitter } from './announce.js';

/**
 * A visually hidden `aria-live="polite"` region that receives an answer sentence by sentence: each completed
 * sentence is a new node (`aria-relevant="additions"`), so nothing is read twice and no token fragment is read.
 */
export const LiveAnnouncer = memo(function LiveAnnouncer({ text, finished }: { text: string; finished: boolean }) {
  const [split] = useState(createSentenceSplitter);
  const sentences = useMemo(() => split(text, finished), [split, text, finished]);
  return (
    <div className="fk-sr-only" aria-live="polite" aria-relevant="additions" aria-atomic="false">
      {sentences.map((sentence, index) => (
        <span key={index}>{sentence} </span>
      ))}
    </div>
  );
});
