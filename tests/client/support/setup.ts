import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { checkResponsesAgainstContract } from '@client/lib/api-client.js';

// Every answer a fake server gives is checked against the endpoint's contract.
checkResponsesAgainstContract(true);

// findBy/waitFor give up after 10 s, not the library's 1 s: on a machine whose cores are busy
// (CI beside other work) a render took longer than that and failed tests that were right
// (issue #27). A passing test waits no longer for it.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
