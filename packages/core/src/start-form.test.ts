import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startFormOf } from './start-form.js';

const flow = (inputs: Record<string, unknown>, name = 'startAgentflow') =>
  JSON.stringify({
    nodes: [
      { id: 'llm_0', data: { name: 'llmAgentflow' } },
      { id: 's', data: { name, inputs } },
    ],
  });

describe('startFormOf', () => {
  it("reads the Start node's form: title, description and every field type", () => {
    const flowData = flow({
      startInputType: 'formInput',
      formTitle: ' Book a table ',
      formDescription: 'Who is coming?',
      formInputTypes: [
        { type: 'string', label: 'Your name', name: 'name' },
        { type: 'number', label: 'Guests', name: 'guests' },
        { type: 'options', label: 'Room', name: 'room', addOptions: [{ option: 'Garden' }, { option: 'Library' }] },
        { type: 'boolean', label: 'Vegetarian', name: 'vegetarian' },
      ],
    });
    expect(startFormOf({ flowData })).toEqual({
      title: 'Book a table',
      description: 'Who is coming?',
      fields: [
        { name: 'name', label: 'Your name', type: 'string' },
        { name: 'guests', label: 'Guests', type: 'number' },
        { name: 'room', label: 'Room', type: 'options', options: ['Garden', 'Library'] },
        { name: 'vegetarian', label: 'Vegetarian', type: 'boolean' },
      ],
    });
  });

  it('has no form for chat input, a chatflow, or a config without flowData', () => {
    expect(startFormOf({ flowData: flow({ startInputType: 'chatInput', formInputTypes: [] }) })).toBeUndefined();
    expect(startFormOf({ flowData: flow({ startInputType: 'formInput' }, 'chatOpenAI') })).toBeUndefined();
    expect(startFormOf({})).toBeUndefined();
    expect(startFormOf(undefined)).toBeUndefined();
    expect(startFormOf({ flowData: '{not json' })).toBeUndefined();
  });

  it('keeps what it can of odd fields: no label → the name; unknown type or no options → text; no name → dropped', () => {
    const flowData = flow({
      startInputType: 'formInput',
      formInputTypes: [
        { type: 'string', name: 'city' },
        { type: 'date', label: 'When', name: 'when' },
        { type: 'options', label: 'Room', name: 'room', addOptions: [] },
        { type: 'string', label: 'Nameless' },
        null,
      ],
    });
    expect(startFormOf({ flowData })?.fields).toEqual([
      { name: 'city', label: 'city', type: 'string' },
      { name: 'when', label: 'When', type: 'string' },
      { name: 'room', label: 'Room', type: 'string' },
    ]);
  });

  it('never throws, whatever flowData holds, and every field it returns has a name and a known type', () => {
    const anyJson = fc.jsonValue({ maxDepth: 5 });
    const nodes = fc.array(
      fc.record({
        data: fc.record({
          name: fc.constantFrom('startAgentflow', 'x'),
          inputs: fc.oneof(
            anyJson,
            fc.record({ startInputType: fc.constant('formInput'), formInputTypes: fc.array(anyJson) }),
          ),
        }),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          nodes.map((n) => JSON.stringify({ nodes: n })),
          anyJson.map((v) => JSON.stringify(v)),
        ),
        (flowData) => {
          const form = startFormOf({ flowData });
          for (const field of form?.fields ?? []) {
            expect(field.name).not.toBe('');
            expect(['string', 'number', 'boolean', 'options']).toContain(field.type);
            if (field.type === 'options') expect(field.options?.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
