import type { IsoDate } from '../calendar/index.js';

/**
 * Whether the register is kept under the duty or voluntarily on a day. The duty of EA 1996 s.436B(1) ("must
 * maintain a register") starts on the day regulations appoint under CWSA 2026 s.78(5), which "may appoint
 * different days for different purposes or areas" (s.78(6)): the policy's `commencement.cnisRegister`.
 * Before that day a council may still keep the register, as Southampton already collects its information:
 * the same entries, marked voluntary.
 */
export type RegisterBasis = 'statutory' | 'voluntary';

export function registerBasisOn(commencement: IsoDate | null | undefined, on: IsoDate): RegisterBasis {
  return commencement != null && on >= commencement ? 'statutory' : 'voluntary';
}

/** The first day a stretch on the register that began on `since` was kept under the duty, if it was by `on`. */
export function statutorySince(
  commencement: IsoDate | null | undefined,
  since: IsoDate,
  on: IsoDate,
): IsoDate | undefined {
  if (registerBasisOn(commencement, on) === 'voluntary' || commencement == null) return undefined;
  return since > commencement ? since : commencement;
}
