import { describe, expect, it } from 'vitest';
import { refusal } from '../support/refusal.js';
import type { EntityKind, RelationType } from '../../src/domain/model.js';
import {
  ALL_KIND_LABELS,
  entityValues,
  factValues,
  kindOrEntity,
  label,
  notRetracted,
  typeAlternation,
} from '../../src/store/neo4j/cypher-fragments.js';
import { entityFields, factFields } from '../../src/store/neo4j/neo4j-mappers.js';

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

describe('value lists', () => {
  it('every field through the property map (one read of the properties, most fields absent)', () => {
    expect(entityValues('n')).toMatch(
      /^CASE WHEN n IS NULL THEN null ELSE \[itemProps IN \[n \{\.\*\}\] \| \[itemProps\.`id`, itemProps\.`kind`, /,
    );
    expect(factValues()).toMatch(
      /\[itemProps IN \[r \{\.\*\}\] \| \[itemProps\.`id`, type\(r\), startNode\(r\)\.id, endNode\(r\)\.id, /,
    );
  });

  it('a projection to a few fields property by property (the derived search keys are not read)', () => {
    expect(entityValues('k.node', entityFields(['iso2']))).toMatchInlineSnapshot(
      `"CASE WHEN k.node IS NULL THEN null ELSE [k.node.\`id\`, k.node.\`kind\`, k.node.\`name\`, k.node.\`origin\`, k.node.\`iso2\`] END"`,
    );
    expect(factValues(factFields(['stage']))).toMatchInlineSnapshot(
      `"CASE WHEN r IS NULL THEN null ELSE [r.\`id\`, type(r), startNode(r).id, endNode(r).id, r.\`origin\`, r.\`stage\`] END"`,
    );
  });
});
