/**
 * Prints the SHA-256 of an API key, for API_KEYS ("name:<hash>"): `npm run hash-key -- <key>`.
 * Without a key, generates a random one and prints both (keep the key; store only the hash).
 */
import { randomBytes } from 'node:crypto';
import { hashApiKey, MIN_API_KEY_LENGTH } from '../src/server/auth.js';

const given = process.argv[2];
if (given !== undefined && given.length < MIN_API_KEY_LENGTH) {
  process.stderr.write(
    `an API key must be at least ${MIN_API_KEY_LENGTH} characters; run without an argument to generate one\n`,
  );
  process.exit(1);
}
const key = given ?? randomBytes(32).toString('base64url');
if (given === undefined) process.stdout.write(`key:  ${key}\n`);
process.stdout.write(given === undefined ? `hash: ${hashApiKey(key)}\n` : `${hashApiKey(key)}\n`);
