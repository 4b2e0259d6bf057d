// Runs Apollo Client with its persisted-queries link against a live endpoint, the way an app would: each query twice,
// once with hashed queries sent by GET and once by POST. Prints one JSON object: for each run, the data it got and the
// requests it sent ({ method, hasQuery, hasHash, status }). Exits non-zero only when Apollo Client itself fails.
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

const [url, marker] = process.argv.slice(2);
if (!url || !marker) {
  console.error('usage: node apq.mjs http://127.0.0.1:PORT/graphql UNIQUE_MARKER');
  process.exit(2);
}

const sent = [];
async function recordingFetch(input, init = {}) {
  const method = (init.method ?? 'GET').toUpperCase();
  const target = new URL(typeof input === 'string' ? input : input.url);
  const body = typeof init.body === 'string' ? JSON.parse(init.body) : null;
  const query = method === 'GET' ? target.searchParams.get('query') : body?.query;
  const extensions = method === 'GET' ? JSON.parse(target.searchParams.get('extensions') ?? 'null') : body?.extensions;
  const response = await fetch(input, init);
  sent.push({ method, hasQuery: typeof query === 'string', hasHash: typeof extensions?.persistedQuery?.sha256Hash === 'string', status: response.status });
  return response;
}

function client(useGETForHashedQueries) {
  const persisted = new PersistedQueryLink({
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    useGETForHashedQueries,
  });
  return new ApolloClient({
    link: persisted.concat(new HttpLink({ uri: url, fetch: recordingFetch })),
    cache: new InMemoryCache(),
  });
}

const runs = [];
for (const [name, useGet] of [['get', true], ['post', false]]) {
  // A query of its own per run and per test, so the service has never seen it; its operation name carries the marker.
  const query = gql(`query Apollo${marker}${name} { technology(slug: "istio") { slug name } }`);
  for (const attempt of ['first', 'second']) {
    sent.length = 0;
    // A new client each time: the second run must get its answer from the service by hash, not from Apollo's cache.
    const result = await client(useGet).query({ query, fetchPolicy: 'no-cache' });
    runs.push({ name, attempt, data: result.data, requests: [...sent] });
  }
}
process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
