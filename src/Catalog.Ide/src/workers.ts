// Monaco (the editor inside GraphiQL 5) runs its language services in Web Workers.
// They are bundled *inline* into ide.js (`?worker&inline`) and started from a
// blob: URL, so no extra file and no CDN is ever requested.
// (graphiql/setup-workers/vite does the same with separate worker files; we want
// a fixed, single-file bundle instead.)
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker&inline';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker&inline';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker&inline';

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'json':
        return new JsonWorker();
      case 'graphql':
        return new GraphQLWorker();
      default:
        return new EditorWorker();
    }
  },
};
