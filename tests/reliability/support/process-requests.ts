import { mintToken } from '../../../src/api/plugins/auth.js';
import type { Config } from '../../../src/config.js';
import { londonDate } from '../../../src/domain/calendar/index.js';
import type { Role } from '../../../src/domain/roles.js';
import type { Rng } from '../../../src/seed/random.js';

/** One write a client means to make; retried with the same key until it gets an answer. */
export interface PlannedWrite {
  /** The Idempotency-Key, also sent as X-Correlation-Id so the events name it in their metadata. */
  key: string;
  path: string;
  role: Role;
  sub: string;
  body: Record<string, unknown>;
  ifMatch?: string;
  /** The case stream the write lands in. */
  stream: string;
}

export const today = () => londonDate(new Date());

/** Ten years old: of compulsory school age whenever the test runs. */
const dateOfBirth = () => `${Number(today().slice(0, 4)) - 10}-03-15`;

const address = { lines: ['1 High Street'], town: 'Southampton', postcode: 'SO14 7LY' };

export function eheReferral(rng: Rng, caseId: string): PlannedWrite {
  return {
    key: rng.uuid(),
    path: '/v1/ehe-cases',
    // An officer's intake: a school's portal may not choose the case id, and gets a receipt only.
    role: 'officer',
    sub: 'intake-officer',
    stream: `ehe-${caseId}`,
    body: {
      caseId,
      receivedOn: today(),
      source: 'parent',
      // A name per case, so the duplicate check never refuses a referral.
      child: {
        givenName: 'Amelia',
        familyName: `Kill-${caseId}`,
        dateOfBirth: dateOfBirth(),
        sex: 'F',
        address,
      },
      previousSchoolType: 'academy',
      eheStartDate: today(),
      primaryReason: { code: 'mental_health' },
    },
  };
}

export function cmeReferral(rng: Rng, caseId: string): PlannedWrite {
  return {
    key: rng.uuid(),
    path: '/v1/cme-cases',
    // An officer's intake: a school's portal may not choose the case id, and gets a receipt only.
    role: 'officer',
    sub: 'intake-officer',
    stream: `cme-${caseId}`,
    body: {
      caseId,
      receivedOn: today(),
      source: 'public',
      child: { givenName: 'Noah', familyName: `Kill-${caseId}`, dateOfBirth: dateOfBirth(), sex: 'M' },
      whatIsKnown: 'Not seen at school since half term.',
      parentsCarers: [],
      primaryReason: { code: 'whereabouts_unknown' },
      missingSince: null,
    },
  };
}

/** A command on a case the client opened: `step` is the route's path under /v1/cases/{caseId}/. */
export function caseCommand(
  rng: Rng,
  stream: string,
  step: string,
  actor: { role: Role; sub: string },
  body: Record<string, unknown>,
  revision: string | undefined,
): PlannedWrite {
  const caseId = stream.slice(stream.indexOf('-') + 1);
  return {
    key: rng.uuid(),
    path: `/v1/cases/${caseId}/${step}`,
    ...actor,
    body,
    stream,
    ...(revision === undefined ? {} : { ifMatch: `W/"${revision}"` }),
  };
}

/**
 * How many requests one token makes before a new one. The API's allowance follows the token's subject and
 * the address, not the token, so fresh tokens no longer buy allowance (serverEnv raises it); rotating them
 * still exercises many distinct tokens.
 */
const USES_PER_TOKEN = 100;

/** Fresh tokens for each actor every USES_PER_TOKEN requests (each token has its own expiry). */
export class TokenSource {
  private readonly tokens = new Map<string, { token: string; uses: number }>();
  private minted = 0;

  constructor(private readonly config: Config) {}

  async token(role: Role, sub: string): Promise<string> {
    const name = `${role}:${sub}`;
    const held = this.tokens.get(name);
    if (held && held.uses < USES_PER_TOKEN) {
      held.uses++;
      return held.token;
    }
    // A distinct expiry (seconds since the epoch) makes a distinct token within the same second.
    const expiresIn = Math.floor(Date.now() / 1000) + 3600 + ++this.minted;
    const token = await mintToken(this.config, { sub, role, expiresIn });
    this.tokens.set(name, { token, uses: 1 });
    return token;
  }
}
