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

/** Runs one named operation; resolves to `data`, rejects with the API's error messages. */
export async function run(operationName, variables = {}) {
  const query = await operations();
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, operationName, variables }),
  });
  const body = await res.json().catch(() => null);
  if (body?.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!res.ok || !body?.data) throw new Error(`GraphQL request failed: HTTP ${res.status}`);
  return body.data;
}
