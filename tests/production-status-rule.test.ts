import { describe, expect, it } from 'vitest';
import { outputYears, statusOn } from '../src/domain/production-status.js';
import type { FacilityStatus } from '../src/domain/model.js';
import type { RelationshipFact, StatusMilestone } from '../src/domain/relationship.js';
import { supplyAlternatives, type SupplyRow } from '../src/domain/supply.js';
import { supplyOutlook } from '../src/domain/supply-outlook.js';

/*
 * The status rule checked against hand-written histories (issue 13, item 2): expected values are
 * read off the history by hand, not computed by the rule.
 */

const cite = { sourceId: 'some-source', locator: 'a row' };
const m = (status: FacilityStatus, date: string, planned = false): StatusMilestone => ({
  status,
  date,
  planned,
  citation: cite,
});

/** Iluka Eneabba as the sources give it: under construction (reported 18 Feb 2026), commissioning planned for 2027. */
const ILUKA = [m('UNDER_CONSTRUCTION', '2026-02'), m('COMMISSIONING', '2027', true)];

/** A line planned in 2023, built from 2024-Q2, first output Mar 2025, confirmed operating Jan 2026, closure planned 2030. */
const LINE = [
  m('CLOSED', '2030', true),
  m('PLANNED', '2023'),
  m('UNDER_CONSTRUCTION', '2024-Q2'),
  m('OPERATING', '2025-03'),
  m('OPERATING', '2026-01-15'),
];

describe('statusOn: the status of a production line on a day', () => {
  it('has no status before the first recorded milestone: the line did not exist yet', () => {
    expect(statusOn(ILUKA, '2020-01-01')).toBeNull();
    expect(statusOn(ILUKA, '2026-01-31')).toBeNull();
    expect(statusOn(LINE, '2022-12-31')).toBeNull();
  });

  it('gives the status that held between milestones, from the first day of a partial date', () => {
    expect(statusOn(LINE, '2023-01-01')).toMatchObject({
      status: 'PLANNED',
      since: '2023',
      recordedOn: '2023',
    });
    expect(statusOn(LINE, '2024-03-31')).toMatchObject({ status: 'PLANNED', since: '2023' });
    expect(statusOn(LINE, '2024-04-01')).toMatchObject({
      status: 'UNDER_CONSTRUCTION',
      since: '2024-Q2',
      recordedOn: '2024-Q2',
    });
    expect(statusOn(LINE, '2025-03-01')).toMatchObject({
      status: 'OPERATING',
      since: '2025-03',
      recordedOn: '2025-03',
    });
  });

  it('keeps when a status began apart from its latest confirmation', () => {
    expect(statusOn(LINE, '2026-06-01')).toMatchObject({
      status: 'OPERATING',
      since: '2025-03',
      recordedOn: '2026-01-15',
    });
  });

  it('past the last recorded change, answers the last recorded status and lists the plans, never taking a plan as done', () => {
    // Iluka "as of 2035": under construction (recorded Feb 2026), commissioning planned 2027.
    expect(statusOn(ILUKA, '2035-01-01')).toEqual({
      status: 'UNDER_CONSTRUCTION',
      since: '2026-02',
      recordedOn: '2026-02',
      planned: [m('COMMISSIONING', '2027', true)],
    });
    // A planned closure whose year has passed does not close the line.
    expect(statusOn(LINE, '2031-06-01')).toMatchObject({
      status: 'OPERATING',
      planned: [m('CLOSED', '2030', true)],
    });
  });

  it('answers an undated status (no history) on every day, with unknown dates; nothing without either', () => {
    expect(statusOn(undefined, '1990-01-01', 'OPERATING')).toEqual({
      status: 'OPERATING',
      since: null,
      recordedOn: null,
      planned: [],
    });
    expect(statusOn([], '2020-01-01')).toBeNull();
  });
});

describe('outputYears: when a line counts in an outlook', () => {
  it('counts from the first output milestone, recorded or planned, until a closure', () => {
    expect(outputYears(ILUKA)).toEqual({ from: 2027, until: null }); // commissioning planned 2027
    expect(outputYears(LINE)).toEqual({ from: 2025, until: 2029 }); // operating Mar 2025, closure planned 2030
    expect(outputYears([m('PLANNED', '2025-11-03')])).toBeNull();
  });
});

const fact = (id: string, props: Partial<RelationshipFact>): RelationshipFact => ({
  id,
  type: 'PRODUCES',
  from: id,
  to: 'dysprosium',
  origin: 'SEED',
  stage: 'SEPARATION',
  ...props,
});
const row = (id: string, props: Partial<RelationshipFact>): SupplyRow => ({
  relationship: fact(id, props),
  supplier: { id, kind: 'FACILITY', name: id, origin: 'SEED' },
  siteCountryId: 'united-states',
  operators: [],
});

describe('supply rules follow the history', () => {
  // First output May 2025; the stored (latest) status is OPERATING and there is no validFrom.
  const lynasLike = row('line-a', { status: 'OPERATING', milestones: [m('OPERATING', '2025-05')] });
  const planned = row('line-b', {
    status: 'PLANNED',
    milestones: [m('PLANNED', '2024-01'), m('OPERATING', '2027', true)],
    capacity: 100,
    unit: 't/y',
  });
  const query = (asOf: string) => ({
    materialId: 'dysprosium',
    excluding: new Set(['china']),
    alliedWith: 'united-states',
    asOf,
  });

  it('leaves a line out before its history starts, and orders by the status that held on the day', () => {
    expect(supplyAlternatives([lynasLike, planned], [], query('2020-01-01'))).toEqual([]);
    const in2024 = supplyAlternatives([lynasLike, planned], [], query('2024-06-01'));
    expect(in2024.map((a) => [a.row.supplier.id, a.statusAsOf?.status])).toEqual([['line-b', 'PLANNED']]);
    const in2025 = supplyAlternatives([lynasLike, planned], [], query('2025-06-01'));
    expect(in2025.map((a) => [a.row.supplier.id, a.statusAsOf?.status])).toEqual([
      ['line-a', 'OPERATING'],
      ['line-b', 'PLANNED'],
    ]);
  });

  it('counts capacity in an outlook from the first output milestone, not from the outlook start', () => {
    // 100 t/y from the planned OPERATING milestone of 2027; 0 before. (The stored status alone would say nothing of 2027.)
    const alternatives = supplyAlternatives([planned], [], { ...query('2025-01-01'), keepFutureLines: true });
    const early = row('line-c', {
      status: 'OPERATING',
      milestones: [m('OPERATING', '2026-07')],
      capacity: 50,
      unit: 't/y',
    });
    const both = supplyAlternatives([planned, early], [], { ...query('2025-01-01'), keepFutureLines: true });
    expect(alternatives).toHaveLength(1);
    const outlook = supplyOutlook(both, [], new Set(['china']), { from: 2025, to: 2028 });
    // 2025: nothing; 2026: line-c's 50; 2027 and 2028: 50 + 100 = 150.
    expect(outlook.series).toEqual([
      {
        unit: 't/y',
        points: [
          { year: 2025, capacity: 0 },
          { year: 2026, capacity: 50 },
          { year: 2027, capacity: 150 },
          { year: 2028, capacity: 150 },
        ],
      },
    ]);
  });
});
