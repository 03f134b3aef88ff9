import {
  type RegisterContent,
  withParentInformation,
  withProviderAnswer,
  withProviderAsked,
} from '../domain/register/content.js';
import type { CaseEvent } from './case-event.js';

/*
 * What the council already holds of a register entry's s.436C information (src/domain/register/content.ts),
 * from the case's own events: each value sourced `council_record` and dated by the event that recorded it,
 * or `parent` when a parent gave it under s.436D (RegisterInformationReceivedFromParent's `information`);
 * a provider the council asks under s.436E is listed, and its answer's hours are sourced `provider`.
 * A CME child's address is only the last one known, so it is not taken as the home address.
 */

export function contentFromEvent(
  content: RegisterContent | undefined,
  change: CaseEvent,
): RegisterContent | undefined {
  const { event } = change;
  const held = <T>(value: T, recordedOn: string) => ({
    value,
    recordedOn,
    source: 'council_record' as const,
  });
  if (event.type === 'EheReferralReceived') {
    const { child, receivedOn, parentsCarers } = event.data;
    return {
      childName: held(`${child.givenName} ${child.familyName}`, receivedOn),
      dateOfBirth: held(child.dateOfBirth, receivedOn),
      homeAddress: held({ address: child.address }, receivedOn),
      additionalAddresses: [],
      // A parent living with the child lives at the child's home address.
      parents: parentsCarers.map((parent) => {
        const address = parent.address ?? (parent.livesWithChild ? child.address : undefined);
        return {
          name: held(parent.name, receivedOn),
          ...(address ? { homeAddress: held(address, receivedOn) } : {}),
        };
      }),
      providers: [],
      ...(child.senStatus ? { senStatus: held(child.senStatus, receivedOn) } : {}),
    };
  }
  if (event.type === 'CmeReferralReceived') {
    const { child, receivedOn } = event.data;
    return {
      childName: held(`${child.givenName} ${child.familyName}`, receivedOn),
      ...(child.dateOfBirth ? { dateOfBirth: held(child.dateOfBirth, receivedOn) } : {}),
      additionalAddresses: [],
      parents: [],
      providers: [],
      ...(child.senStatus ? { senStatus: held(child.senStatus, receivedOn) } : {}),
    };
  }
  if (event.type === 'WhereaboutsEstablished' && event.data.whereabouts.kind === 'in_area' && content) {
    return {
      ...content,
      homeAddress: held({ address: event.data.whereabouts.address }, event.data.establishedOn),
    };
  }
  if (event.type === 'ParentCarerRecorded' && content) {
    const { parent, recordedOn } = event.data;
    const address =
      parent.address ?? (parent.livesWithChild ? content.homeAddress?.value.address : undefined);
    const entry = {
      name: held(parent.name, recordedOn),
      ...(address ? { homeAddress: held(address, recordedOn) } : {}),
    };
    return { ...content, parents: [...content.parents, entry] };
  }
  if (event.type === 'RegisterInformationRequestedFromProvider' && content) {
    return withProviderAsked(content, event.data, event.data.requestedOn);
  }
  if (event.type === 'RegisterInformationReceivedFromProvider' && content) {
    return withProviderAnswer(content, event.data, event.data.receivedOn);
  }
  if (event.type === 'RegisterInformationReceivedFromParent' && event.data.information && content) {
    return withParentInformation(content, event.data.information, event.data.receivedOn);
  }
  return content;
}
