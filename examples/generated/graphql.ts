/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** Whether a figure is for one ELEMENT or for rare earths as a GROUP. */
export type Basis =
  /** The figure is for one element. */
  | 'ELEMENT'
  /** The figure is for the rare earths as a group. */
  | 'GROUP';

/** CONFIRMED from the page read, SECONDARY from a secondary or vendor page, DERIVED from confirmed numbers. */
export type Confidence =
  /** Confirmed from the page read. */
  | 'CONFIRMED'
  /** Derived from confirmed numbers. */
  | 'DERIVED'
  /** From a secondary or vendor page. */
  | 'SECONDARY';

/** What an entity is. */
export type EntityKind =
  /** An agreement or understanding between parties. */
  | 'AGREEMENT'
  /** An alliance or partnership. */
  | 'ALLIANCE'
  /** A use of materials. */
  | 'APPLICATION'
  /** One promise by one party, part of an agreement. */
  | 'COMMITMENT'
  /** A country. */
  | 'COUNTRY'
  /** A meeting, interview or other dated happening. */
  | 'EVENT'
  /** A mine, plant or refinery. */
  | 'FACILITY'
  /** A material (an element, the rare earths as a group, ...). */
  | 'MATERIAL'
  /** An export control, suspension, tariff or tariff threat. */
  | 'MEASURE'
  /** A government body, agency, company, broadcaster or think tank. */
  | 'ORGANIZATION'
  /** A person. */
  | 'PERSON'
  /** A document relationships cite. */
  | 'SOURCE'
  /** Words someone said or a source claims. */
  | 'STATEMENT';

/** Status of a facility's output. */
export type FacilityStatus =
  /** Shut down: no longer producing. */
  | 'CLOSED'
  /** Being commissioned: first output, before ramping up. */
  | 'COMMISSIONING'
  /** In operation. */
  | 'OPERATING'
  /** Announced, not yet being built. */
  | 'PLANNED'
  /** Started, ramping up to its stated capacity. */
  | 'RAMPING'
  /** Being built. */
  | 'UNDER_CONSTRUCTION';

/** A document to ingest: it becomes a source, and extraction proposes facts from it. */
export type IngestDocumentInput = {
  /** Publication day, YYYY-MM-DD: relative dates in the text resolve against it. */
  published: string;
  /** Who published it (at most 200 characters). */
  publisher: string;
  /** The full text, verbatim (at most INGEST_MAX_TEXT_CHARS characters; no control characters but tab and line breaks). */
  text: string;
  /** Title (at most 300 characters); the source's name. */
  title: string;
  /** Where it can be read: an http(s) address. */
  url?: string | null | undefined;
};

/** Where an agreement or measure stands on a day: ANNOUNCED (not yet in force), IN_FORCE, SUSPENDED, EXPIRED. */
export type LifecycleStatus =
  /** Announced, not yet in force (before validFrom). */
  | 'ANNOUNCED'
  /** Lapsed (after validUntil). */
  | 'EXPIRED'
  /** In force that day. */
  | 'IN_FORCE'
  /** In force, but a SUSPENDS relationship holds that day. */
  | 'SUSPENDED';

/** Kinds of measure a government issues. */
export type MeasureType =
  /** A licence requirement or ban on exports. */
  | 'EXPORT_CONTROL'
  /** A government investment, stake or financing. */
  | 'INVESTMENT'
  /** A suspension of another measure. */
  | 'SUSPENSION'
  /** A tariff in force. */
  | 'TARIFF'
  /** A tariff announced or threatened, not imposed. */
  | 'TARIFF_THREAT';

/** Why a supply figure is null. */
export type NoFigureReason =
  /** The excluded countries hold all the stated supply: nothing remains. */
  | 'ALL_SUPPLY_EXCLUDED'
  /** No source in the graph gives country figures for this material and stage up to `asOf`. */
  | 'NO_DATA'
  /** Supply remains, but no source names the countries it comes from. */
  | 'UNATTRIBUTED';

/** What to change in a proposal when accepting it (fields left out keep what was proposed). */
export type ProposalEditsInput = {
  /** ENTITY: its other names (replacing those proposed). */
  aliases?: Array<string> | null | undefined;
  /** RELATIONSHIP: id of the entity it starts from. */
  from?: string | null | undefined;
  /** ENTITY: the id to give the entity (a slug). */
  id?: string | null | undefined;
  /** ENTITY: its name. */
  name?: string | null | undefined;
  /** CITATION: the relationship it corroborates. */
  relationshipId?: string | null | undefined;
  /** RELATIONSHIP: id of the entity it goes to. */
  to?: string | null | undefined;
  /** RELATIONSHIP: first day (or period) it holds. */
  validFrom?: string | null | undefined;
  /** RELATIONSHIP: last day (or period) it holds. */
  validUntil?: string | null | undefined;
};

/** Where a proposal stands in review. */
export type ProposalStatus =
  /** Accepted: its facts are in the graph. */
  | 'ACCEPTED'
  /** Waiting for an editor (also after an accept was undone). */
  | 'PENDING'
  /** Rejected, with the reason. */
  | 'REJECTED';

/** What a proposal would add to the graph once accepted. */
export type ProposalType =
  /** A citation corroborating a relationship the graph already holds. */
  | 'CITATION'
  /** An entity the graph lacks. */
  | 'ENTITY'
  /** A relationship, cited by its quote from the document. */
  | 'RELATIONSHIP';

/** Whether the site's country, an operator's country, or both qualify a supplier. */
export type QualifiesThrough =
  /** An operator's country qualifies. */
  | 'OPERATOR'
  /** The site's country qualifies. */
  | 'SITE'
  /** Both qualify. */
  | 'SITE_AND_OPERATOR';

/** USGS convention: La-Gd LIGHT; Tb-Lu and Y HEAVY; Sc NEITHER. */
export type ReeClass =
  /** Terbium to lutetium, and yttrium. */
  | 'HEAVY'
  /** Lanthanum to gadolinium. */
  | 'LIGHT'
  /** Scandium. */
  | 'NEITHER';

/** The relationship-type allow-list; direction as written (from -TYPE-> to). */
export type RelationType =
  /** What a measure controls or targets. */
  | 'APPLIES_TO'
  /** A source states a claim. */
  | 'CLAIMS'
  /** Who made a commitment. */
  | 'COMMITTED_TO'
  /** What a commitment, measure, statement or agreement is about. */
  | 'CONCERNS'
  /** Two claims that disagree (both flagged disputed). */
  | 'CONTRADICTS'
  /** A dependency, e.g. on a supplier country. */
  | 'DEPENDS_ON'
  /** Where an event took place. */
  | 'HELD_IN'
  /** A person holds an office (title) in an organisation or country. */
  | 'HOLDS_OFFICE'
  /** Reserves of a material: volume, unit, year. */
  | 'HOLDS_RESERVES'
  /** A measure carries out a commitment. */
  | 'IMPLEMENTS'
  /** An investment, amount in volume/unit. */
  | 'INVESTED_IN'
  /** Who issued a measure or published a document. */
  | 'ISSUED'
  /** A person leads a country or organisation. */
  | 'LEADS'
  /** Where a facility is, or where an organisation is based. */
  | 'LOCATED_IN'
  /** Venue of a statement (an interview, a broadcaster). */
  | 'MADE_AT'
  /** A country or organisation belongs to an alliance or partnership. */
  | 'MEMBER_OF'
  /** An organisation operates a facility. */
  | 'OPERATES'
  /** An actor took part in an event. */
  | 'PARTICIPATED_IN'
  /** A party to an agreement. */
  | 'PARTY_TO'
  /** Membership of a whole: an agency in a government, a commitment in an agreement, an element in a group. */
  | 'PART_OF'
  /** Output at a supply-chain stage: volume, unit, year, share, capacity, status. */
  | 'PRODUCES'
  /** An event led to an agreement or measure. */
  | 'RESULTED_IN'
  /** Who made a statement. */
  | 'SAID'
  /** A country is a source of a (controlled) material, e.g. fentanyl. */
  | 'SOURCE_OF'
  /** A measure suspends another for its validity. */
  | 'SUSPENDS'
  /** A material is used in an application. */
  | 'USED_IN';

/** Supply-chain stage; PROCESSING where a source does not split the stages; SEPARATION is separated oxides (the IEA's "refined"). */
export type SupplyStage =
  /** Permanent magnets. */
  | 'MAGNETS'
  /** Metals and alloys. */
  | 'METAL'
  /** Ore mined (mine production). */
  | 'MINING'
  /** Processing where a source does not split the stages after mining. */
  | 'PROCESSING'
  /** Separated oxides (the IEA's "refined"). */
  | 'SEPARATION';

export type EntityRefFragment = { id: string, name: string, kind: EntityKind };

export type CitationPartsFragment = { quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } };

export type RelationshipPartsFragment = { id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> };

export type SearchEntitiesQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;


export type SearchEntitiesQuery = { search: { nodes: Array<{ description: string | null, id: string, name: string, kind: EntityKind }> } | null };

export type EntityRefQueryVariables = Exact<{
  id: string;
}>;


export type EntityRefQuery = { entity: { id: string, name: string, kind: EntityKind } | null };

export type EntityViewQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  asOf?: string | null | undefined;
}>;


export type EntityViewQuery = { entity:
    | { date: string | null, validFrom: string | null, validUntil: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, lifecycle: LifecycleStatus | null, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { text: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { iso2: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { date: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, facilityStatus: FacilityStatus | null, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { symbol: string | null, atomicNumber: number | null, reeClass: ReeClass | null, iupacClass: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { measureType: MeasureType | null, number: string | null, date: string | null, validFrom: string | null, validUntil: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, lifecycle: LifecycleStatus | null, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { category: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { publisher: string | null, url: string | null, date: string | null, ref: string | null, hasText: boolean, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
    | { text: string | null, date: string | null, description: string | null, aliases: Array<string>, id: string, name: string, kind: EntityKind, relationships: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> } | null }
   | null };

export type GraphStatsQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type GraphStatsQuery = { stats: { asOf: string | null, entityCount: number, relationshipCount: number, undated: number, entitiesByKind: Array<{ kind: EntityKind, count: number }>, relationshipsByValidFrom: Array<{ period: string, month: string | null, year: number, count: number }> } | null };

export type NeighborhoodQueryVariables = Exact<{
  id: string;
  depth?: number | null | undefined;
  limit?: number | null | undefined;
}>;


export type NeighborhoodQuery = { neighborhood: { truncated: boolean, nodes: Array<{ distance: number, entity: { id: string, name: string, kind: EntityKind } }>, relationships: Array<{ id: string, type: RelationType, title: string | null, from: { id: string }, to: { id: string } }> } | null };

export type PathBetweenQueryVariables = Exact<{
  from: string;
  to: string;
  first?: number | null | undefined;
  maxHops?: number | null | undefined;
}>;


export type PathBetweenQuery = { paths: Array<{ length: number, nodes: Array<{ id: string, name: string, kind: EntityKind }>, hops: Array<{ forward: boolean, relationships: Array<{ id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> }> }> }> | null };

export type RelationshipViewQueryVariables = Exact<{
  id: string;
}>;


export type RelationshipViewQuery = { relationship: { id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> } | null };

export type SupplyChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type SupplyChoicesQuery = { materials: { nodes: Array<{ id: string, name: string }> } | null, countries: { nodes: Array<{ id: string, name: string }> } | null };

export type SupplyViewQueryVariables = Exact<{
  material: string;
  stage: SupplyStage;
  excluding?: Array<string> | string;
  asOf?: string | null | undefined;
}>;


export type SupplyViewQuery = { material: { id: string, name: string, kind: EntityKind } | null, supplyAlternatives: { query: { stage: SupplyStage | null, basis: Basis | null, asOf: string, material: { id: string, name: string, kind: EntityKind }, excluding: Array<{ id: string, name: string, kind: EntityKind }>, alliedWith: { id: string, name: string, kind: EntityKind } | null }, alternatives: Array<{ qualifiesThrough: QualifiesThrough, domestic: boolean, basis: Basis, supplier: { id: string, name: string, kind: EntityKind }, statusAsOf: { status: FacilityStatus, since: string | null, recordedOn: string | null } | null, plannedMilestones: Array<{ status: FacilityStatus, date: string }>, qualifyingCountry: { id: string, name: string, kind: EntityKind }, siteCountry: { id: string, name: string, kind: EntityKind } | null, operators: Array<{ id: string, name: string, kind: EntityKind }>, relationship: { id: string, type: RelationType, title: string | null, stage: SupplyStage | null, volume: number | null, unit: string | null, year: number | null, share: number | null, qualifier: string | null, basis: Basis | null, status: FacilityStatus | null, capacity: number | null, validFrom: string | null, validUntil: string | null, confidence: Confidence | null, disputed: boolean, note: string | null, from: { id: string, name: string, kind: EntityKind }, to: { id: string, name: string, kind: EntityKind }, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> } }> } | null, supplyRisk: { basis: Basis | null, year: number | null, unit: string | null, worldVolume: number | null, hhi: number | null, topShare: number | null, topShareApproximate: boolean, unattributedShare: number | null, query: { stage: SupplyStage | null, basis: Basis | null, asOf: string, material: { id: string, name: string, kind: EntityKind }, excluding: Array<{ id: string, name: string, kind: EntityKind }>, alliedWith: { id: string, name: string, kind: EntityKind } | null }, topCountry: { id: string, name: string, kind: EntityKind } | null, missing: { reason: NoFigureReason, message: string } | null, shares: Array<{ share: number, qualifier: string | null, approximate: boolean, volume: number | null, country: { id: string, name: string, kind: EntityKind }, relationship: { id: string, stage: SupplyStage | null, citations: Array<{ quote: string | null, locator: string | null, source: { id: string, name: string, date: string | null, url: string | null, publisher: string | null } }> } }>, afterExclusion: { hhi: number | null, topShare: number | null, topShareApproximate: boolean, unattributedShare: number | null, remainingShare: number | null, topCountry: { id: string, name: string, kind: EntityKind } | null, missing: { reason: NoFigureReason, message: string } | null, shares: Array<{ share: number, qualifier: string | null, approximate: boolean, volume: number | null, country: { id: string, name: string, kind: EntityKind } }> } } | null };

export type SupplyQueryPartsFragment = { stage: SupplyStage | null, basis: Basis | null, asOf: string, material: { id: string, name: string, kind: EntityKind }, excluding: Array<{ id: string, name: string, kind: EntityKind }>, alliedWith: { id: string, name: string, kind: EntityKind } | null };

export type ProposalPartsFragment = { id: string, documentId: string, type: ProposalType, status: ProposalStatus, quote: string, offset: number, confidence: number, rule: string, dependsOn: Array<string>, entity: { id: string, kind: EntityKind, name: string, aliases: Array<string> } | null, relationship: { type: RelationType, from: string, to: string, validFrom: string | null, validUntil: string | null, fields: unknown } | null, citation: { relationshipId: string, type: RelationType, sourceId: string } | null, review: { actor: string, at: string, reason: string | null, writtenIds: Array<string> } | null };

export type ReviewQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { proposals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ documentId: string, status: ProposalStatus }> } };

export type ReviewDocumentQueryVariables = Exact<{
  id: string;
}>;


export type ReviewDocumentQuery = { entity:
    | { id: string, name: string, kind: EntityKind }
    | { text: string | null, publisher: string | null, date: string | null, url: string | null, id: string, name: string, kind: EntityKind }
   | null };

export type ReviewProposalsQueryVariables = Exact<{
  document: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ReviewProposalsQuery = { proposals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, documentId: string, type: ProposalType, status: ProposalStatus, quote: string, offset: number, confidence: number, rule: string, dependsOn: Array<string>, entity: { id: string, kind: EntityKind, name: string, aliases: Array<string> } | null, relationship: { type: RelationType, from: string, to: string, validFrom: string | null, validUntil: string | null, fields: unknown } | null, citation: { relationshipId: string, type: RelationType, sourceId: string } | null, review: { actor: string, at: string, reason: string | null, writtenIds: Array<string> } | null }> } };

export type IngestDocumentMutationVariables = Exact<{
  input: IngestDocumentInput;
  note: string;
}>;


export type IngestDocumentMutation = { ingestDocument: { proposals: number, newProposals: number, document: { id: string, name: string } } };

export type AcceptProposalMutationVariables = Exact<{
  id: string;
  edits?: ProposalEditsInput | null | undefined;
  note: string;
}>;


export type AcceptProposalMutation = { acceptProposal: { proposal: { id: string, documentId: string, type: ProposalType, status: ProposalStatus, quote: string, offset: number, confidence: number, rule: string, dependsOn: Array<string>, entity: { id: string, kind: EntityKind, name: string, aliases: Array<string> } | null, relationship: { type: RelationType, from: string, to: string, validFrom: string | null, validUntil: string | null, fields: unknown } | null, citation: { relationshipId: string, type: RelationType, sourceId: string } | null, review: { actor: string, at: string, reason: string | null, writtenIds: Array<string> } | null } } };

export type RejectProposalMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type RejectProposalMutation = { rejectProposal: { proposal: { id: string, documentId: string, type: ProposalType, status: ProposalStatus, quote: string, offset: number, confidence: number, rule: string, dependsOn: Array<string>, entity: { id: string, kind: EntityKind, name: string, aliases: Array<string> } | null, relationship: { type: RelationType, from: string, to: string, validFrom: string | null, validUntil: string | null, fields: unknown } | null, citation: { relationshipId: string, type: RelationType, sourceId: string } | null, review: { actor: string, at: string, reason: string | null, writtenIds: Array<string> } | null } } };

export type UndoAcceptProposalMutationVariables = Exact<{
  id: string;
  note: string;
}>;


export type UndoAcceptProposalMutation = { undoAcceptProposal: { proposal: { id: string, documentId: string, type: ProposalType, status: ProposalStatus, quote: string, offset: number, confidence: number, rule: string, dependsOn: Array<string>, entity: { id: string, kind: EntityKind, name: string, aliases: Array<string> } | null, relationship: { type: RelationType, from: string, to: string, validFrom: string | null, validUntil: string | null, fields: unknown } | null, citation: { relationshipId: string, type: RelationType, sourceId: string } | null, review: { actor: string, at: string, reason: string | null, writtenIds: Array<string> } | null } } };
