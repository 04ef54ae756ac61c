import type { ChatbotConfig, ChatStore } from '@flowise-kit/core';
import { useLabels } from '@flowise-kit/react';
import { useState, type FormEvent } from 'react';
import { recall, remember } from './remembered.js';

type LeadsConfig = NonNullable<ChatbotConfig['leads']>;
/** A lead the user gave, remembered per chatflow (and per user scope) so the form is asked once. */
export interface SavedLead {
  name?: string;
  email?: string;
  phone?: string;
}

/** The storage key of a chatflow's lead. */
export const leadKey = (scope: string) => `flowise-kit:lead:${scope}`;

/** The lead given before on this chatflow, if any. */
export function savedLead(scope: string): SavedLead | undefined {
  const raw = recall(leadKey(scope));
  try {
    return raw ? (JSON.parse(raw) as SavedLead) : undefined;
  } catch {
    return undefined;
  }
}

// The shape browsers check for `type=email` (no spaces, one @, a dot in the domain).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The chatbot config's lead capture: the configured fields (name, e-mail, phone) before the first question, sent
 * with `POST /api/v1/leads` through the store's client. An invalid e-mail is refused in the form; a failure keeps
 * what was typed and says why.
 */
export function LeadForm({
  leads,
  store,
  chatflowId,
  scope,
  onSaved,
}: {
  leads: LeadsConfig;
  store: ChatStore;
  chatflowId: string;
  scope: string;
  onSaved: (lead: SavedLead) => void;
}) {
  const [lead, setLead] = useState<SavedLead>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const fields = (['name', 'email', 'phone'] as const).filter((field) => leads[field]);
  const text = useLabels();
  const labels = { name: text.leadName, email: text.leadEmail, phone: text.leadPhone } as const;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (lead.email !== undefined && leads.email && !EMAIL.test(lead.email.trim()))
      return setError(text.leadInvalidEmail);
    if (fields.some((field) => !lead[field]?.trim())) return setError(text.leadMissing);
    setSending(true);
    setError(undefined);
    try {
      const chatId = store.getState().chatId;
      await store.client.addLead({ chatflowId, ...(chatId ? { chatId } : {}), ...lead });
      remember(leadKey(scope), JSON.stringify(lead));
      onSaved(lead);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="fk-widget__lead" onSubmit={(event) => void submit(event)} noValidate aria-label={text.leadForm}>
      <p className="fk-widget__lead-title">{leads.title ?? text.leadTitle}</p>
      {fields.map((field) => (
        <label key={field}>
          <span>{labels[field]}</span>
          <input
            className="fk-input"
            type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
            autoComplete={field === 'phone' ? 'tel' : field}
            value={lead[field] ?? ''}
            onChange={(event) => setLead({ ...lead, [field]: event.target.value })}
            aria-invalid={Boolean(error) && field === 'email' && !EMAIL.test((lead.email ?? '').trim())}
          />
        </label>
      ))}
      {error ? (
        <p className="fk-widget__lead-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="fk-button fk-button--primary" disabled={sending}>
        {sending ? text.leadSending : text.leadSubmit}
      </button>
    </form>
  );
}
