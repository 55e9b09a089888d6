/** The Neo4j adapter of the GraphStore port. Driver types never leave this folder. */
export { createNeo4jStore, Neo4jStore } from './neo4j-store.js';
export { configFromEnv, type Neo4jConfig } from './neo4j-config.js';
export type { GatewayOptions } from './neo4j-gateway.js';
