import { defineConfig } from 'vite';

// The graph view's panel, built on its own into dist/ide-graph-view.js and loaded by the IDE the first time the panel
// opens (src/graph/plugin.tsx). It brings its layout library (d3-force) and takes React, GraphiQL's store and graphql
// from the IDE (src/graph/shared.ts), so the page holds one of each. Run after the main build, which empties dist/.
const SHARED = 'CatalogIde';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'src/graph/view.ts',
      formats: ['iife'],
      name: 'CatalogGraphView',
      fileName: () => 'ide-graph-view.js',
    },
    rolldownOptions: {
      external: ['react', 'react/jsx-runtime', '@graphiql/react', 'graphql'],
      output: {
        globals: {
          react: `${SHARED}.react`,
          'react/jsx-runtime': `${SHARED}.jsxRuntime`,
          '@graphiql/react': `${SHARED}.graphiqlReact`,
          graphql: `${SHARED}.graphql`,
        },
      },
    },
  },
});
