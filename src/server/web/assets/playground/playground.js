// GraphiQL from our own assets (no CDN): the README's examples as tabs, the schema from the
// checked-in SDL (so docs and completion work where introspection is off), requests to /graphql.
(async () => {
  const [examples, schema] = await Promise.all([
    fetch('/playground/examples.json').then((r) => r.json()),
    fetch('/playground/schema.json').then((r) => r.json()),
  ]);
  const fetcher = async (params, options) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(options?.headers ?? {}),
      },
      body: JSON.stringify(params),
    });
    return res.json();
  };
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      schema,
      defaultTabs: examples.map((e) => ({ query: e.query })),
      defaultEditorToolsVisibility: false,
    }),
  );
})();
