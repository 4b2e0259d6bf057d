// The modules the graph view's panel shares with the IDE. The panel is built on its own (vite.graph.config.ts) and
// loaded when first opened; it must use the IDE's own React, GraphiQL store and graphql (one React per page, and
// graphql's types are checked by identity), so the IDE hands them over here before loading it.
import type * as React from 'react';
import type * as JsxRuntime from 'react/jsx-runtime';
import type { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import type { getNamedType, isInterfaceType, isObjectType, Kind, parse } from 'graphql';
import type { ComponentType } from 'react';

export type SharedModules = {
  react: typeof React;
  jsxRuntime: Pick<typeof JsxRuntime, 'jsx' | 'jsxs' | 'Fragment'>;
  graphiqlReact: { useGraphiQL: typeof useGraphiQL; useGraphiQLActions: typeof useGraphiQLActions };
  graphql: {
    parse: typeof parse;
    Kind: typeof Kind;
    getNamedType: typeof getNamedType;
    isObjectType: typeof isObjectType;
    isInterfaceType: typeof isInterfaceType;
  };
  /** Set by the panel's bundle when it has loaded. */
  GraphPanel?: ComponentType;
};

/** The global the IDE and the panel's bundle meet at. */
export const SHARED_GLOBAL = 'CatalogIde';

export function sharedModules(): SharedModules {
  return (globalThis as unknown as Record<string, SharedModules>)[SHARED_GLOBAL];
}
