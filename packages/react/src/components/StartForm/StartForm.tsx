import type { StartFormField, StartFormSpec, StartFormValues } from '@flowise-kit/core';
import { useId, useState, type FormEvent } from 'react';
import { useLabels } from '../../labels.js';
import './StartForm.css';

/** Props of {@link StartForm}. */
export interface StartFormProps {
  /** The form, from `startFormOf(chatbotConfig)` (or {@link useStartForm}). */
  form: StartFormSpec;
  /** Called with the values by field name; send them with `store.send('', { form: values })`. */
  onSubmit: (values: StartFormValues) => void;
  /** Disables the form (e.g. while a question is being answered). */
  disabled?: boolean;
  /** Added to the root element's classes. */
  className?: string;
}

const initialValue = (field: StartFormField): string | boolean =>
  field.type === 'boolean' ? false : field.type === 'options' ? (field.options?.[0] ?? '') : '';

/**
 * An agentflow's start form: one input per field of its Start node (text, number, a choice, a yes/no switch), sent
 * instead of a first question. Every field but a switch must be filled in; numbers are sent as numbers.
 *
 * @example
 * const form = useStartForm();
 * if (form && ids.length === 0) return <StartForm form={form} onSubmit={(values) => void store.send('', { form: values })} />;
 */
export function StartForm({ form, onSubmit, disabled = false, className }: StartFormProps) {
  const id = useId();
  const labels = useLabels();
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(form.fields.map((field) => [field.name, initialValue(field)])),
  );
  const [missing, setMissing] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = form.fields.filter((f) => f.type !== 'boolean' && String(values[f.name] ?? '').trim() === '');
    setMissing(empty.map((f) => f.name));
    if (empty.length > 0) return;
    const sent: StartFormValues = {};
    for (const field of form.fields) {
      const value = values[field.name] ?? '';
      sent[field.name] = field.type === 'number' ? Number(value) : typeof value === 'string' ? value.trim() : value;
    }
    onSubmit(sent);
  };
  const set = (name: string, value: string | boolean) => setValues((old) => ({ ...old, [name]: value }));
  return (
    <form
      className={className ? `fk-start-form ${className}` : 'fk-start-form'}
      onSubmit={submit}
      noValidate
      aria-labelledby={form.title ? `${id}-title` : undefined}
      aria-label={form.title ? undefined : labels.startForm}
    >
      {form.title ? (
        <p className="fk-start-form__title" id={`${id}-title`}>
          {form.title}
        </p>
      ) : null}
      {form.description ? <p className="fk-start-form__description">{form.description}</p> : null}
      {form.fields.map((field) => {
        const invalid = missing.includes(field.name);
        const common = { id: `${id}-${field.name}`, name: field.name, disabled, 'aria-invalid': invalid || undefined };
        const value = values[field.name];
        return field.type === 'boolean' ? (
          <label key={field.name} className="fk-start-form__switch">
            <input
              {...common}
              type="checkbox"
              checked={value === true}
              onChange={(e) => set(field.name, e.target.checked)}
            />
            <span>{field.label}</span>
          </label>
        ) : (
          <label key={field.name}>
            <span>{field.label}</span>
            {field.type === 'options' ? (
              <select {...common} value={String(value)} onChange={(e) => set(field.name, e.target.value)}>
                {field.options?.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : (
              <input
                {...common}

                type={field.type === 'number' ? 'number' : 'text'}
                inputMode={field.type === 'number' ? 'decimal' : undefined}
                value={String(value)}
                onChange={(e) => set(field.name, e.target.value)}
              />
            )}
          </label>
        );
      })}
      {missing.length > 0 ? (
        <p className="fk-start-form__error" role="alert">
          {labels.startFormMissing}
        </p>
      ) : null}
      <button type="submit" className="fk-button fk-button--primary" disabled={disabled}>
        {labels.startFormSubmit}
      </button>
    </form>
  );
}
