/** Streams.Append (one client-streaming call per append) and Streams.BatchAppend (one multiplexed call). */

import type {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
} from '@eventstore/db-client/generated/streams_pb.js';
import type { ServerDuplexStream, ServerReadableStream, ServiceError, sendUnaryData } from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import type { EventLog, Expected, ProposedEvent } from './esdb-test-server-log.js';
import {
  appendSuccess,
  appendWrongExpectedVersion,
  batchAppendSuccess,
  batchAppendWrongExpectedVersion,
  parseUuid,
  streamName,
} from './esdb-test-server-messages.js';

// ExpectedStreamRevisionCase / ExpectedStreamPositionCase values, the same in both option messages.
const exactRevision = 2;
const noStream = 3;
const streamExists = 5;

const expectedOf = (kind: number, revision: string): Expected =>
  kind === exactRevision
    ? { kind: 'revision', revision: BigInt(revision) }
    : kind === noStream
      ? { kind: 'no_stream' }
      : kind === streamExists
        ? { kind: 'stream_exists' }
        : { kind: 'any' };

type Proposed = NonNullable<ReturnType<AppendReq['getProposedMessage']>>;
const toProposed = (message: Proposed): ProposedEvent => {
  const metadata = message.getMetadataMap();
  return {
    id: parseUuid(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
};

const invalid = (details: string): ServiceError =>
  Object.assign(new Error(details), { code: status.INVALID_ARGUMENT, details, metadata: undefined as never });

export function createAppendHandler(log: EventLog) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => {
    let header: ReturnType<AppendReq['getOptions']>;
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) header = request.getOptions();
      else if (request.hasProposedMessage()) events.push(toProposed(request.getProposedMessage()!));
    });
    call.on('end', () => {
      if (!header) return callback(invalid('The first message of an append must carry its options'));
      const stream = streamName(header.getStreamIdentifier());
      const expected = expectedOf(header.getExpectedStreamRevisionCase(), header.getRevision());
      const outcome = log.append(stream, expected, events);
      callback(
        null,
        outcome.ok
          ? appendSuccess(outcome.revision, outcome.position)
          : appendWrongExpectedVersion(expected, outcome.current),
      );
    });
  };
}

export function createBatchAppendHandler(log: EventLog) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
    const pending = new Map<string, { stream: string; expected: Expected; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = parseUuid(request.getCorrelationId());
      const options = request.getOptions();
      if (options) {
        pending.set(correlationId, {
          stream: streamName(options.getStreamIdentifier()),
          expected: expectedOf(options.getExpectedStreamPositionCase(), options.getStreamPosition()),
          events: [],
        });
      }
      const batch = pending.get(correlationId);
      if (!batch) return;
      batch.events.push(...request.getProposedMessagesList().map(toProposed));
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      const outcome = log.append(batch.stream, batch.expected, batch.events);
      call.write(
        outcome.ok
          ? batchAppendSuccess(
              correlationId,
              batch.stream,
              batch.expected,
              outcome.revision,
              outcome.position,
            )
          : batchAppendWrongExpectedVersion(correlationId, batch.stream, batch.expected, outcome.current),
      );
    });
    call.on('end', () => call.end());
    call.on('error', () => pending.clear());
  };
}
