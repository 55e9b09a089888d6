/**
 * Readers for environment variables: each returns the parsed value or throws
 * {@link ConfigError} naming the variable, so a bad setting stops the server at start.
 */

/** Thrown for a setting that cannot be used; main prints its message and exits. */
export class ConfigError extends Error {}

/** An integer in [min, max]; `fallback` when the variable is unset or blank. */
export function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return n;
}

/** `true` or `false`, nothing else; `fallback` when unset or blank. */
export function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

/** A comma-separated list, items trimmed, blanks dropped; empty when unset. */
export function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The trimmed value, or undefined when unset or blank. */
export function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}
