import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraphSchema } from '../src/schema/build-schema.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphSchema();
});

/** Every type, field, argument and enum value the schema defines without a description. */
function undocumented(s: GraphQLSchema): string[] {
  const missing: string[] = [];
  const note = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  for (const type of Object.values(s.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    note(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        note(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : [])
          note(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) note(`${type.name}.${value.name}`, value.description);
  }
  return missing;
}

describe('schema documentation (issue 14 item 9)', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undocumented(schema)).toEqual([]);
  });
});

describe('types that say what they are (issue 14 item 8)', () => {
  const typeOf = (type: string, field: string) => {
    const t = schema.getType(type);
    if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
    return getNamedType(t.getFields()[field]!.type).name;
  };

  it('types country-valued fields as Country, like Facility.country', () => {
    expect(typeOf('Facility', 'country')).toBe('Country');
    expect(typeOf('SupplyAlternative', 'qualifyingCountry')).toBe('Country');
    expect(typeOf('SupplyAlternative', 'siteCountry')).toBe('Country');
    expect(typeOf('RemainingConcentration', 'topCountry')).toBe('Country');
    expect(typeOf('CountryShare', 'country')).toBe('Country');
  });

  it('lists paths(from, to) in that order', () => {
    const paths = schema.getQueryType()!.getFields().paths!;
    expect(paths.args.map((a) => a.name)).toEqual(['from', 'to', 'maxHops', 'types', 'first']);
  });
});
