export { type BullmqTrigger, startBullmqTrigger } from './bullmq-trigger.js';
export { type DueClockJob, jobIdOf } from './clock-jobs.js';
export { createClockScheduler } from './clock-scheduler.js';
export { createDueClockHandler, type DueClockHandler } from './due-clocks.js';
export { type EmbeddedTrigger, startEmbeddedTrigger } from './embedded.js';
export { type Notification, SIGNATURE_HEADER, signatureOf } from './notifications.js';
export { allQueues, createQueueSet, queueNames } from './queues.js';
export { startWorkers, type WorkerDeps } from './start.js';
export { sweepDueClocks } from './sweep.js';
