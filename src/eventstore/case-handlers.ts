import { caseTypes } from '../domain/case-types.js';
import { createCommandHandler } from './handle.js';
import type { EventStore } from './types.js';

/** The command handler of each case type on one store, bound once by whoever opens the store. */
export const createCaseHandlers = (store: EventStore) => ({
  ehe: createCommandHandler(store, caseTypes.ehe),
  cme: createCommandHandler(store, caseTypes.cme),
  cnis: createCommandHandler(store, caseTypes.cnis),
});
export type CaseHandlers = ReturnType<typeof createCaseHandlers>;
