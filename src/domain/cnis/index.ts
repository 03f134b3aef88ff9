export * from './clock-table.js';
export * from './codec.js';
export * from './commands.js';
export * from './decider.js';
export * from './events.js';
export * from './roles.js';
export * from './state.js';
export * from './values.js';
