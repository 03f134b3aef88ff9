/**
 * Wire messages of the EventStoreDB-protocol test server, built with the generated classes that
 * @eventstore/db-client ships, on the google-protobuf 3.x they were generated for (4.x breaks Any).
 * uint64 fields are JS strings here: they are always set from bigint.toString().
 */
import codePb from '@eventstore/db-client/generated/code_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import type { Expected, StoredEvent } from './esdb-test-server-log.js';

const { ReadResp, AppendResp, BatchAppendResp } = streamsPb;
const { Empty, StreamIdentifier, UUID, AllStreamPosition, WrongExpectedVersion } = sharedPb;

export const streamName = (identifier: { getStreamName_asU8(): Uint8Array } | undefined): string =>
  identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';

const identifierOf = (stream: string) => {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(stream, 'utf8'));
  return identifier;
};

export const uuidOf = (id: string) => {
  const uuid = new UUID();
  uuid.setString(id);
  return uuid;
};

export const parseUuid = (uuid: InstanceType<typeof UUID> | undefined): string => {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  const hex = (value: string | undefined) =>
    BigInt.asUintN(64, BigInt(value ?? '0'))
      .toString(16)
      .padStart(16, '0');
  const all = hex(structured?.getMostSignificantBits()) + hex(structured?.getLeastSignificantBits());
  return `${all.slice(0, 8)}-${all.slice(8, 12)}-${all.slice(12, 16)}-${all.slice(16, 20)}-${all.slice(20)}`;
};

export function eventResponse(event: StoredEvent): InstanceType<typeof ReadResp> {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(uuidOf(event.id));
  recorded.setStreamIdentifier(identifierOf(event.stream));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.created.toString());
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(event.position.toString());
  const response = new ReadResp();
  response.setEvent(readEvent);
  return response;
}

export function streamNotFoundResponse(stream: string): InstanceType<typeof ReadResp> {
  const notFound = new ReadResp.StreamNotFound();
  notFound.setStreamIdentifier(identifierOf(stream));
  const response = new ReadResp();
  response.setStreamNotFound(notFound);
  return response;
}

export function confirmationResponse(subscriptionId: string): InstanceType<typeof ReadResp> {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(subscriptionId);
  const response = new ReadResp();
  response.setConfirmation(confirmation);
  return response;
}

export function checkpointResponse(position: bigint): InstanceType<typeof ReadResp> {
  const checkpoint = new ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.toString());
  checkpoint.setPreparePosition(position.toString());
  const response = new ReadResp();
  response.setCheckpoint(checkpoint);
  return response;
}

export function caughtUpResponse(): InstanceType<typeof ReadResp> {
  const response = new ReadResp();
  response.setCaughtUp(new ReadResp.CaughtUp());
  return response;
}

export function appendSuccess(revision: bigint, position: bigint | undefined) {
  const success = new AppendResp.Success();
  success.setCurrentRevision(revision.toString());
  if (position === undefined) success.setNoPosition(new Empty());
  else {
    const grpcPosition = new AppendResp.Position();
    grpcPosition.setCommitPosition(position.toString());
    grpcPosition.setPreparePosition(position.toString());
    success.setPosition(grpcPosition);
  }
  const response = new AppendResp();
  response.setSuccess(success);
  return response;
}

/** In-band, as the real server answers: an empty response would hang the client for ever. */
export function appendWrongExpectedVersion(expected: Expected, current: bigint | undefined) {
  const wrong = new AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(current.toString());
  if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
  else wrong.setExpectedAny(new Empty());
  const response = new AppendResp();
  response.setWrongExpectedVersion(wrong);
  return response;
}

const batchResponse = (correlationId: string, stream: string, expected: Expected) => {
  const response = new BatchAppendResp();
  response.setCorrelationId(uuidOf(correlationId));
  // The client reads the stream name off every error response; without it the client process crashes.
  response.setStreamIdentifier(identifierOf(stream));
  if (expected.kind === 'revision') response.setStreamPosition(expected.revision.toString());
  else if (expected.kind === 'no_stream') response.setNoStream(new emptyPb.Empty());
  else if (expected.kind === 'stream_exists') response.setStreamExists(new emptyPb.Empty());
  else response.setAny(new emptyPb.Empty());
  return response;
};

export function batchAppendSuccess(
  correlationId: string,
  stream: string,
  expected: Expected,
  revision: bigint,
  position: bigint | undefined,
) {
  const success = new BatchAppendResp.Success();
  success.setCurrentRevision(revision.toString());
  if (position === undefined) success.setNoPosition(new emptyPb.Empty());
  else {
    const grpcPosition = new AllStreamPosition();
    grpcPosition.setCommitPosition(position.toString());
    grpcPosition.setPreparePosition(position.toString());
    success.setPosition(grpcPosition);
  }
  const response = batchResponse(correlationId, stream, expected);
  response.setSuccess(success);
  return response;
}

/** A google.rpc.Status whose details pack a WrongExpectedVersion: without details the client crashes. */
export function batchAppendWrongExpectedVersion(
  correlationId: string,
  stream: string,
  expected: Expected,
  current: bigint | undefined,
) {
  const wrong = new WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(new emptyPb.Empty());
  else wrong.setCurrentStreamRevision(current.toString());
  if (expected.kind === 'revision') wrong.setExpectedStreamPosition(expected.revision.toString());
  else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new emptyPb.Empty());
  else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new emptyPb.Empty());
  else wrong.setExpectedAny(new emptyPb.Empty());
  const details = new anyPb.Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const status = new statusPb.Status();
  status.setCode(codePb.Code.FAILED_PRECONDITION);
  status.setMessage('Wrong expected version.');
  status.setDetails(details);
  const response = batchResponse(correlationId, stream, expected);
  response.setError(status);
  return response;
}
