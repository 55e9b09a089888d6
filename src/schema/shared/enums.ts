import { registerEnumType } from 'type-graphql';
import {
  BASES,
  CONFIDENCES,
  DIRECTIONS,
  ENTITY_KINDS,
  FACILITY_STATUSES,
  MEASURE_TYPES,
  RELATION_TYPES,
  RELATION_TYPE_NAMES,
  REE_CLASSES,
  SUPPLY_STAGES,
} from '../../domain/model.js';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const EntityKindEnum = enumOf(ENTITY_KINDS);
export const RelationTypeEnum = enumOf(RELATION_TYPE_NAMES);
export const DirectionEnum = enumOf(DIRECTIONS);
export const SupplyStageEnum = enumOf(SUPPLY_STAGES);
export const FacilityStatusEnum = enumOf(FACILITY_STATUSES);
export const ConfidenceEnum = enumOf(CONFIDENCES);
export const BasisEnum = enumOf(BASES);
export const ReeClassEnum = enumOf(REE_CLASSES);
export const MeasureTypeEnum = enumOf(MEASURE_TYPES);

/** type-graphql's `valuesConfig` from value -> description. */
function described<T extends string>(docs: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(
    Object.entries<string>(docs).map(([value, description]) => [value, { description }]),
  ) as Record<T, { description: string }>;
}

registerEnumType(EntityKindEnum, {
  name: 'EntityKind',
  description: 'What an entity is.',
  valuesConfig: described({
    PERSON: 'A person.',
    COUNTRY: 'A country.',
    ORGANIZATION: 'A government body, agency, company, broadcaster or think tank.',
    ALLIANCE: 'An alliance or partnership.',
    MATERIAL: 'A material (an element, the rare earths as a group, ...).',
    APPLICATION: 'A use of materials.',
    FACILITY: 'A mine, plant or refinery.',
    EVENT: 'A meeting, interview or other dated happening.',
    AGREEMENT: 'An agreement or understanding between parties.',
    COMMITMENT: 'One promise by one party, part of an agreement.',
    MEASURE: 'An export control, suspension, tariff or tariff threat.',
    STATEMENT: 'Words someone said or a source claims.',
    SOURCE: 'A document relationships cite.',
  }),
});
registerEnumType(RelationTypeEnum, {
  name: 'RelationType',
  description: 'The relationship-type allow-list; direction as written (from -TYPE-> to).',
  valuesConfig: Object.fromEntries(
    RELATION_TYPE_NAMES.map((t) => [t, { description: RELATION_TYPES[t].doc }]),
  ),
});
registerEnumType(DirectionEnum, {
  name: 'Direction',
  description: 'Relationships leaving (OUT), entering (IN) or both.',
  valuesConfig: described({
    OUT: 'Relationships from this entity.',
    IN: 'Relationships to this entity.',
    BOTH: 'Relationships either way.',
  }),
});
registerEnumType(SupplyStageEnum, {
  name: 'SupplyStage',
  description:
    'Supply-chain stage; PROCESSING where a source does not split the stages; SEPARATION is separated oxides (the IEA\'s "refined").',
  valuesConfig: described({
    MINING: 'Ore mined (mine production).',
    PROCESSING: 'Processing where a source does not split the stages after mining.',
    SEPARATION: 'Separated oxides (the IEA\'s "refined").',
    METAL: 'Metals and alloys.',
    MAGNETS: 'Permanent magnets.',
  }),
});
registerEnumType(FacilityStatusEnum, {
  name: 'FacilityStatus',
  description: "Status of a facility's output.",
  valuesConfig: described({
    OPERATING: 'In operation.',
    RAMPING: 'Started, ramping up to its stated capacity.',
    UNDER_CONSTRUCTION: 'Being built.',
    PLANNED: 'Announced, not yet being built.',
    COMMISSIONING: 'Being commissioned: first output, before ramping up.',
    CLOSED: 'Shut down: no longer producing.',
  }),
});
registerEnumType(ConfidenceEnum, {
  name: 'Confidence',
  description:
    'CONFIRMED from the page read, SECONDARY from a secondary or vendor page, DERIVED from confirmed numbers.',
  valuesConfig: described({
    CONFIRMED: 'Confirmed from the page read.',
    SECONDARY: 'From a secondary or vendor page.',
    DERIVED: 'Derived from confirmed numbers.',
  }),
});
registerEnumType(BasisEnum, {
  name: 'Basis',
  description: 'Whether a figure is for one ELEMENT or for rare earths as a GROUP.',
  valuesConfig: described({
    ELEMENT: 'The figure is for one element.',
    GROUP: 'The figure is for the rare earths as a group.',
  }),
});
registerEnumType(ReeClassEnum, {
  name: 'ReeClass',
  description: 'USGS convention: La-Gd LIGHT; Tb-Lu and Y HEAVY; Sc NEITHER.',
  valuesConfig: described({
    LIGHT: 'Lanthanum to gadolinium.',
    HEAVY: 'Terbium to lutetium, and yttrium.',
    NEITHER: 'Scandium.',
  }),
});
registerEnumType(MeasureTypeEnum, {
  name: 'MeasureType',
  description: 'Kinds of measure a government issues.',
  valuesConfig: described({
    EXPORT_CONTROL: 'A licence requirement or ban on exports.',
    SUSPENSION: 'A suspension of another measure.',
    TARIFF: 'A tariff in force.',
    TARIFF_THREAT: 'A tariff announced or threatened, not imposed.',
    INVESTMENT: 'A government investment, stake or financing.',
  }),
});
