import 'reflect-metadata';
import { parseArgs } from 'node:util';
import {
  execute,
  parse,
  type GraphQLInterfaceType,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { ANONYMOUS } from '../src/domain/caller.js';
import { entityAttributeRule } from '../src/schema/entity/asked-attributes.js';
import { relationshipPropertyRule } from '../src/schema/relationship/asked-properties.js';
import { askedNames } from '../src/schema/shared/asked-fields.js';
import { buildGraphSchema } from '../src/schema/build-schema.js';
import { enforceBudgets } from '../src/server/budget.js';
import { budgetedContext } from '../src/server/deadline.js';
import { MemoryStore } from '../src/store/memory/memory-store.js';
import { queryMix } from './queries.js';
import { generateGraph } from './synthetic.js';

/*
 * node --import @swc-node/register/esm-register bench/executor-probe.ts [--graph 10000] [--n 1000] [--queries lookup,nested]
 *
 * GraphQL execution alone (no HTTP, no Apollo pipeline), per query of the benchmark's mix on the
 * embedded store loaded with a synthetic graph, with the context and execution budget the server
 * gives each request: CPU ms per request in three modes, 6 alternating rounds of --n requests
 * (median and spread of rounds 2-6):
 *   async   graphql-js with the interfaces' resolveType as type-graphql builds them (async functions)
 *   js      graphql-js with the synchronous resolveType the schema now uses (build-schema.ts)
 *   jit     graphql-jit's compiled query (executor.ts), compiled once before the rounds
 * The answers of `async` and `jit` must be equal for every variable set (checked first).
 */

const { values } = parseArgs({
  options: { graph: { type: 'string' }, n: { type: 'string' }, queries: { type: 'string' } },
});
const graph = generateGraph(Number(values.graph ?? 10_000), 1);
const N = Number(values.n ?? 1000);
const only = values.queries?.split(',');

const store = new MemoryStore();
await store.loadSeed(graph.entities, graph.relationships);
const schema = enforceBudgets(await buildGraphSchema());

const interfaces = ['Entity', 'Node'].map((name) => schema.getType(name) as GraphQLInterfaceType);
const synchronous = interfaces.map((type) => type.resolveType!);
// What type-graphql builds: each resolveType wrapped in an async function.
const asynchronous = synchronous.map(
  (resolve): GraphQLTypeResolver<unknown, unknown> =>
    (...args) =>
      Promise.resolve(resolve(...args)),
);
const typeResolvers = (which: GraphQLTypeResolver<unknown, unknown>[]) =>
  interfaces.forEach((type, i) => (type.resolveType = which[i]));

/** A request's context as app.ts makes it (no deadline or cap is reached). */
const context = () =>
  budgetedContext(
    store,
    { requestId: 'probe', startedAt: Date.now(), client: 'probe', errorCodes: [] },
    { deadline: Date.now() + 60_000, timeoutMs: 60_000, maxObjects: 1e9, maxBytes: 1e12 },
    { caller: ANONYMOUS, writesEnabled: false, ingestMaxTextChars: 1000 },
  );

type Mode = 'async' | 'js' | 'jit';
const MODES: Mode[] = ['async', 'js', 'jit'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

for (const q of queryMix(graph.probes)) {
  if (only && !only.includes(q.name)) continue;
  const document = parse(q.ours);
  const operation = document.definitions[0] as OperationDefinitionNode;
  typeResolvers(synchronous);
  const compiled = compileQuery(schema, document, undefined, { disablingCapturingStackErrors: true });
  if (!isCompiledQuery(compiled)) throw new Error(`${q.name}: ${JSON.stringify(compiled)}`);
  const run = async (mode: Mode, variables: Record<string, unknown>) => {
    typeResolvers(mode === 'async' ? asynchronous : synchronous);
    const contextValue = context();
    contextValue.graph.readAttributes(askedNames(entityAttributeRule, schema, document, operation));
    contextValue.graph.readProperties(askedNames(relationshipPropertyRule, schema, document, operation));
    return mode === 'jit'
      ? compiled.query(undefined, contextValue, variables)
      : execute({ schema, document, contextValue, variableValues: variables });
  };
  for (const variables of q.variables) {
    const [a, b] = [
      JSON.stringify(await run('async', variables)),
      JSON.stringify(await run('jit', variables)),
    ];
    if (a !== b)
      throw new Error(`${q.name}: the answers differ for ${JSON.stringify(variables)}:\n${a}\n${b}`);
  }
  const ms: Record<Mode, number[]> = { async: [], js: [], jit: [] };
  for (let round = 0; round < 6; round++)
    for (const mode of round % 2 ? [...MODES].reverse() : MODES) {
      const started = process.cpuUsage();
      for (let i = 0; i < N; i++) await run(mode, q.variables[i % q.variables.length]!);
      const used = process.cpuUsage(started);
      if (round > 0) ms[mode].push((used.user + used.system) / 1000 / N);
    }
  console.log(
    q.name.padEnd(19),
    MODES.map(
      (m) =>
        `${m} ${median(ms[m]).toFixed(3)} (${Math.min(...ms[m]).toFixed(3)}-${Math.max(...ms[m]).toFixed(3)})`,
    ).join('  '),
  );
}
