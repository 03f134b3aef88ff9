import { describe, expect, it } from 'vitest';
import { applyRecordedEvent, createViews, viewList, viewStates } from '../../src/projections/views.js';
import { allocate, cmeReferral, createLog, eheReferral, newCaseId } from './fixtures.js';

describe('the list of views', () => {
  it('names each view once, and the views hold one state per view under its name', () => {
    const names = viewList.map((view) => view.name);
    expect(new Set(names).size).toBe(names.length);
    const views = createViews();
    const states = viewStates(views);
    expect(Object.keys(views)).toEqual(names);
    viewList.forEach((view, index) => {
      expect(views[view.name as keyof typeof views]).toBe(states[index]);
    });
  });

  it('applies an event to every view or to none: a refused event leaves each state as it was', () => {
    const caseId = newCaseId();
    const log = createLog()
      .ehe(caseId, [
        [eheReferral(caseId), '2026-06-01'],
        [allocate('officer-1'), '2026-06-02'],
      ])
      .cme(caseId, [[cmeReferral(caseId), '2026-06-03']]);
    const views = createViews();
    const conflict = log.recorded.findIndex((event) => event.stream.startsWith('cme-'));
    for (const event of log.recorded.slice(0, conflict)) applyRecordedEvent(views, event);
    expect(views.records.get(caseId)?.state.status).toBe('open');
    const before = structuredClone(views);
    expect(() => applyRecordedEvent(views, log.recorded[conflict] as never)).toThrow(/cannot be shown/);
    expect(structuredClone(views)).toEqual(before);
  });
});
