// The graph view as a GraphiQL plugin. Only this file (and graph.css) is in the IDE's first load: the panel, its
// layout library and the rest are a bundle of their own, ide-graph-view.js, fetched the first time the panel opens.
import * as React from 'react';
import { lazy, Suspense, type SVGProps } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { getNamedType, isInterfaceType, isObjectType, Kind, parse } from 'graphql';

import { SHARED_GLOBAL, sharedModules, type SharedModules } from './shared';
import './graph.css';

async function loadPanel(bundleUrl: string | undefined) {
  if (!bundleUrl) throw new Error('the page names no graph view bundle (data-graph-view)');
  const shared: SharedModules = {
    react: React,
    jsxRuntime: { jsx, jsxs, Fragment },
    graphiqlReact: { useGraphiQL, useGraphiQLActions },
    graphql: { parse, Kind, getNamedType, isInterfaceType, isObjectType },
  };
  (globalThis as unknown as Record<string, SharedModules>)[SHARED_GLOBAL] = shared;
  await import(/* @vite-ignore */ bundleUrl);
  const panel = sharedModules().GraphPanel;
  if (!panel) throw new Error('Catalog IDE: ide-graph-view.js loaded without its panel.');
  return { default: panel };
}

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

/**
 * The plugin, loading its panel from `bundleUrl`: the URL the page names (data-graph-view), into which the service
 * writes the bundle's fingerprinted URL, cached like ide.js's and on the same origin (the page's script-src 'self').
 */
export function graphViewPlugin(bundleUrl: string | undefined): GraphiQLPlugin {
  // A failed load (the service restarted into another build, the network went away) says so in the panel.
  const GraphPanel = lazy(() =>
    loadPanel(bundleUrl).catch((error: unknown) => ({
      default: () => (
        <p className="catalog-graph-message" role="alert">
          The graph view could not be loaded ({String(error)}). Reload the page to try again.
        </p>
      ),
    })),
  );

  function GraphContent() {
    return (
      <Suspense fallback={<p className="catalog-graph-loading">Loading the graph view…</p>}>
        <GraphPanel />
      </Suspense>
    );
  }

  return { title: 'Graph View', icon: GraphIcon, content: GraphContent };
}
