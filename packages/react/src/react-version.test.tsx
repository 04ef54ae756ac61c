import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

it('runs on the React major its test project names, with a matching react-dom', () => {
  // Set per project: 19 in vitest.config.ts, 18 in react18/vitest.config.ts.
  expect(version.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR);
  expect(domVersion.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR);
});
