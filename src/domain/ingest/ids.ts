import { createHash } from 'node:crypto';

/** SHA-256 of a string (UTF-8), hex. */
function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The id of the SOURCE a document becomes: `doc-` + the first 12 hex digits of the SHA-256 of its NFC text. */
export function documentIdFor(text: string): string {
  return `doc-${sha256(text.normalize('NFC')).slice(0, 12)}`;
}

/** A proposal's id: `prop-` + 16 hex digits of the SHA-256 of the document id, the rule and the content. */
export function proposalIdFor(documentId: string, rule: string, content: unknown): string {
  return `prop-${sha256(JSON.stringify([documentId, rule, content])).slice(0, 16)}`;
}

/** A slug for a new entity's id from its name: lower-case ASCII words joined by `-`, at most 60 characters. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.slice(0, 60).replace(/-[^-]*$/, (m) => (slug.length > 60 ? '' : m));
  return cut.replace(/-+$/g, '') || 'entity';
}

/** A short stable suffix (6 hex) to tell apart two new entities whose slugs meet. */
export function shortHash(value: string): string {
  return sha256(value).slice(0, 6);
}
