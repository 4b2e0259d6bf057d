import { defineConfig } from 'vite';

// Production bundle for the self-hosted GraphiQL IDE.
// Output has FIXED names (the service serves them as static web assets under fingerprinted URLs):
//   dist/index.html  dist/ide.js  dist/ide.css  (and dist/ide-graph-view.js, vite.graph.config.ts)
// Fonts are inlined as data: URIs and the Monaco workers are inlined into ide.js,
// so the page requests nothing else.
export default defineConfig({
  base: '/graphql-ide/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: '',
    cssCodeSplit: false,
    modulePreload: false,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
    assetsInlineLimit: () => true,
    rolldownOptions: {
      // React libraries ship "use client" directives; they are meaningless in a
      // plain client bundle, so the 100+ warnings about them are dropped.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        codeSplitting: false,
        entryFileNames: 'ide.js',
        chunkFileNames: 'ide-[name].js',
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.css')) ? 'ide.css' : '[name][extname]',
      },
    },
  },
  worker: {
    format: 'iife',
  },
});
