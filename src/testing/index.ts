// The adapter contract kit: `react-connected-accounts/testing`.
export { describeAdapterContract } from './adapter-contract';
export type {
  AdapterContractOptions,
  ContractConsent,
  ContractDescribeFunction,
  ContractTestFunction,
} from './adapter-contract';
export { AdapterContractError } from './assertions';
export { createMemoryAdapter, createSampleConnections } from '../core/memory-adapter';
export type { MemoryAdapter, MemoryAdapterOptions, ReauthorizationRequest } from '../core/memory-adapter';
