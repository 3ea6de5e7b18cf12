import type { TestProject } from 'vitest/node';

/**
 * Runs once before the browser tests. The OAuth tests add the stand-in provider server on a
 * second loopback origin here and hand its address to the tests with `project.provide`.
 */
export default function setup(_project: TestProject): () => Promise<void> {
  return async () => {};
}
