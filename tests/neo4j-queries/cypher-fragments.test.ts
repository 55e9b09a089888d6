import { describe, expect, it } from 'vitest';
import { refusal } from '../support/refusal.js';
import type { EntityKind, RelationType } from '../../src/domain/model.js';
import {
  ALL_KIND_LABELS,
  kindOrEntity,
  label,
  notRetracted,
  typeAlternation,
} from '../../src/store/neo4j/cypher-fragments.js';

/* The allow-list checks and shared fragments every statement is built from (no database needed). */

describe('allow-listed labels and types', () => {
  it('label maps a kind to its label and refuses anything else', () => {
    expect(label('PERSON')).toBe('Person');
    expect(kindOrEntity(undefined)).toBe('Entity');
    expect(kindOrEntity('FACILITY')).toBe('Facility');
    expect(refusal(() => label('Person) DETACH DELETE (n' as EntityKind))).toStrictEqual({
      message: 'Unknown entity kind "Person) DETACH DELETE (n"',
      field: 'kind',
    });
  });

  it('ALL_KIND_LABELS', () => {
    expect(ALL_KIND_LABELS).toMatchInlineSnapshot(`
      [
        "Person",
        "Country",
        "Organization",
        "Alliance",
        "Material",
        "Application",
        "Facility",
        "Event",
        "Agreement",
        "Commitment",
        "Measure",
        "Statement",
        "Source",
      ]
    `);
  });

  it('typeAlternation: every allowed type when none are given; chosen ones without repeats; anything else refused', () => {
    expect(typeAlternation()).toMatchInlineSnapshot(
      `"HOLDS_OFFICE|LEADS|PART_OF|MEMBER_OF|PARTICIPATED_IN|HELD_IN|RESULTED_IN|PARTY_TO|COMMITTED_TO|CONCERNS|SAID|MADE_AT|ISSUED|APPLIES_TO|SUSPENDS|IMPLEMENTS|OPERATES|LOCATED_IN|PRODUCES|HOLDS_RESERVES|USED_IN|SOURCE_OF|INVESTED_IN|DEPENDS_ON|CLAIMS|CONTRADICTS"`,
    );
    expect(typeAlternation([])).toBe(typeAlternation());
    expect(typeAlternation(['PRODUCES', 'OPERATES', 'PRODUCES'])).toBe('PRODUCES|OPERATES');
    expect(refusal(() => typeAlternation(['PRODUCES', 'produces' as RelationType]))).toStrictEqual({
      message: 'Unknown relationship type "produces"',
      field: 'types',
    });
  });

  it('notRetracted names the relationship variable it checks', () => {
    expect(notRetracted('r')).toBe('r.retractedAt IS NULL');
    expect(notRetracted('l')).toBe('l.retractedAt IS NULL');
  });
});
