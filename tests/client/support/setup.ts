import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { checkResponsesAgainstContract } from '@client/lib/api-client.js';

// Every answer a fake server gives is checked against the endpoint's contract.
checkResponsesAgainstContract(true);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
