import { type CodedLabel, labelOf, type Policy } from '../../domain/policy.js';
import { codeLabel } from './figures.js';

/** A code's label from the policy's list, or the code made readable when the list no longer has it. */
export const labelFrom =
  (list: readonly CodedLabel[]) =>
  (code: string): string => {
    const label = labelOf(list, code);
    return label === code ? codeLabel(code) : label;
  };

/** The DfE's order of year groups (yearGroupKey in projections/statistics-reports.ts writes these). */
export const yearGroupOrder = [
  'Reception',
  ...Array.from({ length: 11 }, (_, i) => `Year ${i + 1}`),
  'Not known',
];

/** The SEN status a referral records (N none, K SEN support, E an EHC plan), as the DfE names them. */
const senStatuses: Readonly<Record<string, string>> = {
  N: 'No special educational needs',
  K: 'SEN support',
  E: 'Education, health and care plan',
  unknown: 'Not known',
};
export const senStatusOrder = ['E', 'K', 'N', 'unknown'];
export const senStatusLabel = (code: string): string => senStatuses[code] ?? codeLabel(code);

/** The local first-contact standard the rate is measured against, as the policy sets it. */
export function firstContactStandard(policy: Policy): string {
  const clock = policy.clocks.firstContact;
  const unit = clock.dayType === 'working' ? 'working days' : 'days';
  const priority =
    clock.priorityDuration !== undefined ? ` (${clock.priorityDuration} for a priority case)` : '';
  const from =
    policy.firstContactAnchor === 'referral_received'
      ? 'the referral was received'
      : 'the family opted to home educate';
  return `The standard: first contact within ${clock.duration} ${unit}${priority} of the day ${from} (${clock.source}).`;
}
