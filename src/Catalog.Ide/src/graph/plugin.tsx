// The graph view as a GraphiQL plugin. Only this file (and graph.css) is in the IDE's first load: the panel, its
// layout library and the rest are a bundle of their own, ide-graph-view.js, fetched the first time the panel opens.
import * as React from 'react';
import { lazy, Suspense, type SVGProps } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { getNamedType, isInterfaceType, isObjectType, Kind, parse } from 'graphql';

import { SHARED_GLOBAL, sharedModules, type SharedModules } from './shared';
import './graph.css';

async function loadPanel() {
  const shared: SharedModules = {
    react: React,
    jsxRuntime: { jsx, jsxs, Fragment },
    graphiqlReact: { useGraphiQL, useGraphiQLActions },
    graphql: { parse, Kind, getNamedType, isInterfaceType, isObjectType },
  };
  (globalThis as unknown as Record<string, SharedModules>)[SHARED_GLOBAL] = shared;
  // Beside ide.js, under the same build hash (so cached as long as ide.js is).
  const here = new URL(import.meta.url);
  await import(/* @vite-ignore */ new URL(`ide-graph-view.js${here.search}`, here).href);
  const panel = sharedModules().GraphPanel;
  if (!panel) throw new Error('Catalog IDE: ide-graph-view.js loaded without its panel.');
  return { default: panel };
}

// A failed load (the service restarted into another build, the network went away) says so in the panel.
const GraphPanel = lazy(() =>
  loadPanel().catch((error: unknown) => ({
    default: () => (
      <p className="catalog-graph-message" role="alert">
        The graph view could not be loaded ({String(error)}). Reload the page to try again.
      </p>
    ),
  })),
);

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
