import { memo, useMemo, useState } from 'react';
import { createSentenceSplitter } from './announce.js';

/** How many of the latest sentences stay in the region; older ones were read already. */
const KEPT = 3;

/**
 * A visually hidden `aria-live="polite"` region that receives an answer sentence by sentence: each completed
 * sentence is a new node (`aria-relevant="additions"`), so nothing is read twice and no token fragment is read.
 * Only the last few sentences stay in the DOM (removals are not announced): a region holding the whole answer made
 * the browser lay out the entire text again at every new sentence, the largest cost of streaming a long answer.
 */
export const LiveAnnouncer = memo(function LiveAnnouncer({ text, finished }: { text: string; finished: boolean }) {
  const [split] = useState(createSentenceSplitter);
  const sentences = useMemo(() => split(text, finished), [split, text, finished]);
  return (
    <div className="fk-sr-only" aria-live="polite" aria-relevant="additions" aria-atomic="false">
      {sentences.slice(-KEPT).map((sentence, index) => (
        <span key={Math.max(0, sentences.length - KEPT) + index}>{sentence} </span>
      ))}
    </div>
  );
});
