import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// A shared 2-core machine: give async queries room instead of failing on a slow tick.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
