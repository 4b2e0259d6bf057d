// The graph view as a GraphiQL plugin. Only this file is in the IDE's first load: the panel, its layout library and
// the rest are a separate chunk, fetched the first time the panel opens.
import { lazy, Suspense, type SVGProps } from 'react';
import type { GraphiQLPlugin } from '@graphiql/react';

import './graph.css';

const GraphPanel = lazy(() => import('./GraphPanel'));

function GraphIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" {...props}>
      <circle cx="5" cy="6" r="2.5" />
      <circle cx="19" cy="5" r="2.5" />
      <circle cx="12" cy="18" r="2.5" />
      <path d="M7.4 6.6 16.5 5.4M6.2 8.2l4.6 7.6M17.9 7.3l-4.6 8.4" />
    </svg>
  );
}

function GraphContent() {
  return (
    <Suspense fallback={<p className="catalog-graph-loading">Loading the graph view…</p>}>
      <GraphPanel />
    </Suspense>
  );
}

export const GRAPH_VIEW_PLUGIN: GraphiQLPlugin = {
  title: 'Graph View',
  icon: GraphIcon,
  content: GraphContent,
};
