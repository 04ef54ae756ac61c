import { redactSecrets, type FlowiseEvent, type ReplayEvent } from '@flowise-kit/core';

/** One inspected event: its offset from the question, and the event with secrets redacted. */
export interface InspectedEvent {
  turn: number;
  atMs: number;
  event: FlowiseEvent;
}

/** The file format of an exported recording. */
export interface RecordingFile {
  format: 'flowise-kit-recording';
  version: 1;
  events: { atMs: number; event: string; data: unknown }[];
}

/** The wire name and payload of an event, redacted (Flowise echoes API keys in agentflow traces). */
export function wireForm(event: FlowiseEvent): { event: string; data: unknown } {
  if (event.type === 'unknown') return { event: event.name, data: redactSecrets(event.data) };
  if (event.type === 'malformed') return { event: 'malformed', data: { raw: event.raw, reason: event.reason } };
  return { event: event.type, data: redactSecrets(event.data) };
}

/** The events of one turn as a downloadable recording. */
export function toRecording(events: InspectedEvent[]): RecordingFile {
  return {
    format: 'flowise-kit-recording',
    version: 1,
    events: events.map(({ atMs, event }) => ({ atMs, ...wireForm(event) })),
  };
}

/** Reads a recording file into events a replay fetch plays with their original timing. */
export function fromRecording(text: string): ReplayEvent[] {
  const file = JSON.parse(text) as Partial<RecordingFile>;
  if (file.format !== 'flowise-kit-recording' || !Array.isArray(file.events))
    throw new Error('Not a flowise-kit recording.');
  let previous = 0;
  return file.events
    .filter((e) => e.event !== 'malformed')
    .map((e) => {
      const delayMs = Math.max(0, e.atMs - previous);
      previous = e.atMs;
      return { event: e.event, data: e.data, delayMs };
    });
}
