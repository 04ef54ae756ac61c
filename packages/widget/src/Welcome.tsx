import { Markdown, useLabels } from '@flowise-kit/react';

/** The welcome message as the conversation's first bubble (it stays there after the first question). */
export function WelcomeBubble({ text }: { text: string | undefined }) {
  return text ? (
    <div className="fk-widget__welcome-bubble fk-message fk-message--assistant">
      <Markdown text={text} />
    </div>
  ) : null;
}

/** Before the first question: the lead form's thanks and the starter prompts. */
export function StarterPrompts({
  thanks,
  prompts,
  onAsk,
}: {
  thanks: string | undefined;
  prompts: readonly string[];
  onAsk: (prompt: string) => void;
}) {
  const labels = useLabels();
  if (!thanks && prompts.length === 0) return null;
  return (
    <div className="fk-widget__welcome">
      {thanks ? <p className="fk-widget__thanks">{thanks}</p> : null}
      {prompts.length ? (
        <div className="fk-followups" role="group" aria-label={labels.suggestedQuestions}>
          {prompts.map((prompt) => (
            <button key={prompt} type="button" className="fk-chip" onClick={() => onAsk(prompt)}>
              {prompt}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
