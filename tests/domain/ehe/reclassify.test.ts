import { describe, expect, it } from 'vitest';
import { CME_CASE_ID, command, given } from './fixtures.js';
import { autumn, autumnRoute } from './sao-route.js';

const reclassify = command({
  type: 'ReclassifyAsCme',
  data: { reclassifiedOn: '2026-09-01', cmeCaseId: CME_CASE_ID, reason: 'education unsuitable, no school' },
});
const notice437 = command({
  type: 'ServeSection437Notice',
  data: {
    noticeId: 'notice-437',
    issuedOn: '2026-09-07',
    parentId: 'parent-1',
    service: { method: 'in_person', servedOn: '2026-09-07' },
  },
});

describe('reclassifying unsuitable home education as CME (CME statutory guidance 2025)', () => {
  it('opens the CME case beside this one, which stays open', () => {
    const { state } = autumnRoute(reclassify);
    expect(state.status).not.toBe('closed');
    expect(state.reclassifiedAsCme).toBe(CME_CASE_ID);
  });

  it('keeps the School Attendance Order route: a s.437(1) notice can still be served', () => {
    const [served] = given(autumnRoute(reclassify).events).when(notice437, autumn).thenAccepted();
    expect(served?.type).toBe('Section437NoticeServed');
  });

  it('and a route already under way goes on', () => {
    const { state } = autumnRoute(notice437, reclassify);
    expect(state.sao.stage).toBe('notice_served');
    expect(state.clocks.section437Notice).toBeDefined();
  });

  it('once: a second reclassification is refused', () => {
    given(autumnRoute(reclassify).events).when(reclassify, autumn).then('already_reclassified');
  });

  it('the case may then close for the CME case, which it could not before', () => {
    const close = command({
      type: 'CloseCase',
      data: { closedOn: '2026-09-02', reason: 'reclassified_as_cme' },
    });
    given(autumnRoute().events).when(close, autumn).then('invalid_reason_code', 'reason');
    given(autumnRoute(reclassify).events).when(close, autumn).thenAccepted();
  });
});
