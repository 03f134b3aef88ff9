import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { type CaseTypeName, caseOfStream } from '../domain/case-types.js';
import type { Policy } from '../domain/policy.js';
import { isPriorityCase, PriorityFlagSchema } from '../domain/policy.js';
import type { RecordedEvent } from '../eventstore/types.js';

/**
 * What officers' tools are told, and how. A message carries the case id and the reason only: no names,
 * addresses or notes ever leave by webhook.
 */
export interface Notification {
  /** The event's id: receivers deduplicate on it (delivery is at least once). */
  id: string;
  reason: 'deadline_missed' | 'case_escalated' | 'high_risk_cme' | 'priority_referral';
  caseId: string;
  caseType: CaseTypeName;
  clock?: string;
  dueOn?: string;
  level?: string;
  occurredAt: string;
}

export const SIGNATURE_HEADER = 'Sightline-Signature';

const ClockData = z.object({ clock: z.string(), dueOn: z.string(), level: z.string().optional() });
const RiskData = z.object({ level: z.string() });
const ReferralData = z.object({
  priority: z.boolean().optional(),
  priorityFlags: z.array(PriorityFlagSchema).optional(),
});

/** The notification an event calls for, if any. */
export function notificationFor(event: RecordedEvent, policy: Policy): Notification | undefined {
  // Only a case's events call for a notification.
  const owner = caseOfStream(event.stream);
  if (!owner) return undefined;
  const { caseId, caseType } = owner;
  const base = { id: event.id, caseId, caseType, occurredAt: event.recordedAt.toISOString() };
  const clock = ClockData.safeParse(event.data);
  if (event.type === 'DeadlineMissed' && clock.success) {
    return { ...base, reason: 'deadline_missed', clock: clock.data.clock, dueOn: clock.data.dueOn };
  }
  if (event.type === 'CaseEscalated' && clock.success) {
    const { clock: name, dueOn, level } = clock.data;
    return { ...base, reason: 'case_escalated', clock: name, dueOn, ...(level ? { level } : {}) };
  }
  const risk = RiskData.safeParse(event.data);
  if (event.type === 'CmeRiskAssessed' && risk.success && risk.data.level === 'high') {
    return { ...base, reason: 'high_risk_cme' };
  }
  const referral = ReferralData.safeParse(event.data);
  if (event.type.endsWith('ReferralReceived') && referral.success) {
    const { priority, priorityFlags } = referral.data;
    if (priority || isPriorityCase(policy, priorityFlags ?? []))
      return { ...base, reason: 'priority_referral' };
  }
  return undefined;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp lets receivers refuse replays. */
export function signatureOf(body: string, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
  readonly code = 'webhook_delivery_failed';
}

/** One POST; anything but a 2xx is a failure, retried by the caller. */
export async function deliver(
  url: string,
  notification: Notification,
  options: { secret: string; now: () => Date; timeoutMs?: number },
): Promise<void> {
  const body = JSON.stringify(notification);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signatureOf(body, options.secret, options.now()),
        'Sightline-Message-Id': notification.id,
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new WebhookDeliveryError(`POST ${url} failed: ${String(error)}`);
  }
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new WebhookDeliveryError(`POST ${url} answered ${response.status}`);
}
