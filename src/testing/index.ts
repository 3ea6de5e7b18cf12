// The adapter contract kit: `react-connected-accounts/testing`.
export { createMemoryAdapter, createSampleConnections } from '../core/memory-adapter';
