// Entry of the self-hosted GraphiQL IDE served by Catalog under /graphql-ide/.
import './workers';
import 'graphiql/style.css';
import './ide.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import '@graphiql/plugin-explorer/style.css';

import { examples } from './examples';
import { createFetcher } from './fetcher';
import { graphExamples } from './graph/examples';
import { graphViewPlugin } from './graph/plugin';
import { watchAccessibility } from './a11y';
import { EDITOR_THEME } from './editor-theme';

const INTRO = `# Catalog — GraphQL IDE
#
# Ask the Catalog about technologies, the talks that covered them and how
# they relate. The tabs above hold example operations. The icons on the left
# open the schema docs, your query history, the explorer (build an operation
# by ticking fields) and the graph view (the result drawn as a graph: click a
# node to open its neighbourhood in a new tab).
#
# Run with Ctrl-Enter (Cmd-Enter on macOS); Ctrl-Space autocompletes.
`;

const host = document.getElementById('graphiql');
if (!host) throw new Error('Catalog IDE: no element with id "graphiql" on the page.');

const endpoint = host.dataset.endpoint || '/graphql';
const fetcher = createFetcher(endpoint);

// One tab per example; a comment line with the example's name heads each tab
// (GraphiQL titles tabs by operation name), and the first tab also carries the intro.
const defaultTabs = [...examples, ...graphExamples].map((example, index) => ({
  query: `${index === 0 ? `${INTRO}\n` : ''}# ${example.name}\n${example.query}`,
  variables: example.variables ?? null,
}));

// GraphiQL 5 seeds the *query* editor from the first default tab but not the
// variables editor, so on a first visit (no tabs stored yet) the first tab's
// variables are passed explicitly. Later visits restore the stored tabs untouched.
function hasStoredTabs(): boolean {
  try {
    return window.localStorage.getItem('graphiql:tabState') !== null;
  } catch {
    return true; // storage unavailable: let GraphiQL decide
  }
}
// The explorer's colours (it styles inline), with enough contrast in both themes (ide.css).
const explorerColor = (name: string) => `hsl(var(--catalog-explorer-${name}))`;
const EXPLORER_PLUGIN = explorerPlugin({
  colors: {
    keyword: explorerColor('keyword'),
    def: explorerColor('def'),
    property: explorerColor('property'),
    qualifier: explorerColor('qualifier'),
    attribute: explorerColor('def'),
    number: explorerColor('number'),
    string: explorerColor('string'),
    builtin: explorerColor('number'),
    string2: explorerColor('qualifier'),
    variable: explorerColor('qualifier'),
    atom: explorerColor('def'),
  },
});

const GRAPH_VIEW_PLUGIN = graphViewPlugin(host.dataset.graphView);

const firstVisitVariables = hasStoredTabs() ? undefined : (defaultTabs[0]?.variables ?? undefined);

watchAccessibility(host);

createRoot(host).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={INTRO}
      defaultTabs={defaultTabs.length > 0 ? defaultTabs : undefined}
      initialVariables={firstVisitVariables}
      referencePlugin={DOC_EXPLORER_PLUGIN}
      plugins={[HISTORY_PLUGIN, EXPLORER_PLUGIN, GRAPH_VIEW_PLUGIN]}
      defaultEditorToolsVisibility
      shouldPersistHeaders={false}
      editorTheme={EDITOR_THEME}
    />
  </StrictMode>,
);
