// Builds dist/glossary.js: one minified IIFE with the stylesheet inlined as a string, and dist/glossary.graphql:
// the whole glossary's query, which the service registers as a persisted document under the same sha256 for clients
// that want the whole list (the widget itself asks for the term index and the definitions it needs).
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import * as esbuild from "esbuild";

const query = (await readFile("src/glossary.graphql", "utf8")).replace(/\s+/g, " ").trim();
const hash = createHash("sha256").update(query, "utf8").digest("hex");

const css = await esbuild.build({ entryPoints: ["src/glossary.css"], bundle: true, minify: true, write: false, logLevel: "warning" });

await mkdir("dist", { recursive: true });
await esbuild.build({
  entryPoints: ["src/glossary.ts"],
  outfile: "dist/glossary.js",
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020", "chrome90", "firefox90", "safari14"],
  legalComments: "none",
  logLevel: "warning",
  define: {
    __CSS__: JSON.stringify(css.outputFiles[0].text.trim()),
  },
});
await writeFile("dist/glossary.graphql", query, "utf8");
console.log(`dist/glossary.js built; glossary query sha256:${hash}`);
