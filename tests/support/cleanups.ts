import { afterEach } from 'vitest';

/**
 * A list a test pushes a cleanup onto for each thing it opens (a store, a trigger, a queue set); after each
 * test they run, the last opened first. Call once at the top of a test file.
 */
export function cleanupsAfterEach(): (() => Promise<unknown>)[] {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return cleanups;
}
