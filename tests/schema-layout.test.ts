import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The shape of src/schema a newcomer relies on: feature folders over shared pieces, argument
 * classes in *.args.ts, and resolvers as leaves (nothing imports a resolver but the schema build).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../src/schema');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The src/schema files a file imports, relative to src/schema (`entity/entity.type.ts`). */
function schemaImports(file: string): string[] {
  const specs = [...readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => m[1]!);
  return specs
    .map((spec) => relative(ROOT, resolve(dirname(file), spec)).replace(/\.js$/, '.ts'))
    .filter((path) => !path.startsWith('..'));
}

const ALL = files(ROOT).map((file) => ({
  path: relative(ROOT, file),
  imports: schemaImports(file),
  text: readFileSync(file, 'utf8'),
}));

describe('src/schema layout', () => {
  it('has no flat files besides the schema build: every file is in a feature folder or shared/', () => {
    expect(ALL.filter((f) => !f.path.includes('/')).map((f) => f.path)).toEqual(['build-schema.ts']);
  });

  it('imports a resolver only from the schema build (services and helpers never reach into a resolver)', () => {
    const offenders = ALL.filter((f) => f.path !== 'build-schema.ts').flatMap((f) =>
      f.imports.filter((i) => i.endsWith('.resolver.ts')).map((i) => `${f.path} -> ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps shared/ free of feature folders', () => {
    const offenders = ALL.filter((f) => f.path.startsWith('shared/')).flatMap((f) =>
      f.imports.filter((i) => !i.startsWith('shared/')).map((i) => `${f.path} -> ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('declares argument classes (@ArgsType) only in *.args.ts files', () => {
    expect(
      ALL.filter((f) => f.text.includes('@ArgsType(') && !f.path.endsWith('.args.ts')).map((f) => f.path),
    ).toEqual([]);
  });
});
