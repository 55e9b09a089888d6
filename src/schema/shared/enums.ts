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

registerEnumType(EntityKindEnum, { name: 'EntityKind', description: 'What an entity is.' });
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
});
registerEnumType(SupplyStageEnum, {
  name: 'SupplyStage',
  description:
    'Supply-chain stage; PROCESSING where a source does not split the stages; SEPARATION is separated oxides (the IEA\'s "refined").',
});
registerEnumType(FacilityStatusEnum, { name: 'FacilityStatus' });
registerEnumType(ConfidenceEnum, {
  name: 'Confidence',
  description:
    'CONFIRMED from the page read, SECONDARY from a secondary or vendor page, DERIVED from confirmed numbers.',
});
registerEnumType(BasisEnum, {
  name: 'Basis',
  description: 'Whether a figure is for one ELEMENT or for rare earths as a GROUP.',
});
registerEnumType(ReeClassEnum, {
  name: 'ReeClass',
  description: 'USGS convention: La-Gd LIGHT; Tb-Lu and Y HEAVY; Sc NEITHER.',
});
registerEnumType(MeasureTypeEnum, { name: 'MeasureType' });
