// The explorer's only way to the data: the operations in /explorer/operations.graphql
// (examples/explorer.graphql), sent to the public /graphql endpoint by operation name.

let documentText;

async function operations() {
  documentText ??= fetch('/explorer/operations.graphql').then((res) => {
    if (!res.ok) throw new Error(`operations.graphql: HTTP ${res.status}`);
    return res.text();
  });
  return documentText;
}

/** The API's refusal: its messages joined, and each error's message and code (extensions.code) in `errors`. */
export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors.map((e) => ({ message: e.message, code: e.extensions?.code ?? null }));
  }
}

/**
 * Runs one named operation; resolves to `data`, rejects with an {@link ApiError}.
 * `key`: an editor's API key, sent as a bearer credential (the review page's writes).
 */
export async function run(operationName, variables = {}, { key } = {}) {
  const query = await operations();
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = await res.json().catch(() => null);
  if (body?.errors?.length) throw new ApiError(body.errors);
  if (!res.ok || !body?.data) throw new Error(`GraphQL request failed: HTTP ${res.status}`);
  return body.data;
}
