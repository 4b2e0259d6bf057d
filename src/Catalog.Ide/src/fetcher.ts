// A minimal GraphQL-over-HTTP fetcher: POST application/json, preferring the
// application/graphql-response+json media type. Under that media type a server
// answers request errors (parse/validation) with a 4xx status *and* a JSON body,
// so the body is parsed whatever the status, and only non-JSON answers are turned
// into a synthetic error for the response pane.

export type GraphQLParams = {
  query: string;
  operationName?: string | null;
  variables?: unknown;
  extensions?: unknown;
};

export type FetcherOptions = {
  headers?: Record<string, unknown>;
};

const ACCEPT = 'application/graphql-response+json, application/json';

export function createFetcher(endpoint: string) {
  return async function fetcher(params: GraphQLParams, options?: FetcherOptions): Promise<unknown> {
    const headers = new Headers();
    // Headers typed by the user in the "Headers" editor come first; ours win for
    // the two that define the protocol.
    for (const [key, value] of Object.entries(options?.headers ?? {})) {
      if (value !== undefined && value !== null) headers.set(key, String(value));
    }
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', ACCEPT);

    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({
        query: params.query,
        operationName: params.operationName ?? undefined,
        variables: params.variables ?? undefined,
        extensions: params.extensions ?? undefined,
      }),
    });

    const text = await response.text();
    const contentType = response.headers.get('Content-Type') ?? '';
    if (/json/i.test(contentType) || /^\s*[{[]/.test(text)) {
      try {
        return JSON.parse(text);
      } catch {
        // fall through to the synthetic error below
      }
    }
    return {
      errors: [
        {
          message: `HTTP ${response.status} ${response.statusText}: the server did not answer with JSON.`,
          extensions: { status: response.status, contentType, body: text.slice(0, 2000) },
        },
      ],
    };
  };
}
