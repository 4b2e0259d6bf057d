// The glossary widget. One script tag:
//   <script src="https://catalog.example/widget/glossary.js" data-lang="ja" defer></script>
// underlines the known technologies in the article, each with an accessible tooltip. What a page view costs follows
// the page, not the catalog:
//   1. GET /widget/version: the catalog's current version (cached a minute);
//   2. GET /widget/index/{version}: the compact term index, the same for every page (cached a year);
//   3. the page is matched against it and the terms underlined;
//   4. GET /widget/definitions/{version}/{lang}?ids=...: the tooltips of just the technologies found, ids ascending,
//      so pages that show the same technologies share one cached answer (cached a year).

import { addText, findMatches, fold, PageText, pageText, parseIndex } from "./terms";
import { Card, Lang, setUpTooltips, TIP_ID } from "./tooltip";

declare const __CSS__: string;

interface State {
  lang?: Lang;
  mode?: "first" | "all";
  /** The catalog version the page was annotated with. */
  version?: string;
  /** Technologies in the index, and terms underlined on this page. */
  terms?: number;
  annotated?: number;
  /** Milliseconds from the index's arrival to the last underline: parsing, matching and wrapping. */
  lastAnnotateMs?: number;
  /** Its parts: waiting to start, parsing the index, matching and wrapping; and reading the page (usually before). */
  phasesMs?: { wait: number; parse: number; match: number; read: number };
  /** Technologies whose definitions were fetched. */
  definitions?: number;
  error?: string;
}

const STYLE_ID = "cg-glossary-style";
const DONE = "data-cg-glossary";
const DEFAULT_SELECTOR = "article, .entry-content, .post-content, main";
/** As many ids as one definitions request may carry (the service's limit). */
const IDS_PER_REQUEST = 500;
// Headings are skipped: an underline and a focus stop in a title are noise, and the same terms come again in the text.
const SKIP = new Set(["CODE", "PRE", "A", "SCRIPT", "STYLE", "TEXTAREA", "INPUT", "SELECT", "BUTTON", "OPTION",
  "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "KBD", "SAMP", "H1", "H2", "H3", "H4", "H5", "H6"]);

const w = window as unknown as { __catalogGlossary?: State };
const script = document.currentScript as HTMLScriptElement | null;

function collectTextNodes(container: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      const el = node as Element;
      if (SKIP.has(el.nodeName.toUpperCase()) || el.hasAttribute("contenteditable") || el.classList.contains("cg-term") || el.id === TIP_ID || el.getAttribute("role") === "tooltip")
        return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/**
 * The container's text, read once while the index is on its way: its text nodes joined by newlines (no term holds
 * one, and a newline is a boundary as a node's edge is), so folding, the page filter and matching are each one loop
 * over the page, not one call per node.
 */
interface PageRead {
  nodes: Text[];
  offsets: number[];
  text: string;
  folded: string;
  filter: PageText;
}

function readPage(container: Element): PageRead {
  const nodes = collectTextNodes(container);
  const offsets: number[] = [];
  let length = 0;
  const text = nodes.map((node) => { offsets.push(length); length += node.data.length + 1; return node.data; }).join("\n");
  const folded = fold(text);
  const filter = pageText();
  addText(filter, text, folded);
  return { nodes, offsets, text, folded, filter };
}

/**
 * Parses the index for the page and wraps the matches: only text nodes are split and replaced, so the page's
 * elements, links and handlers stay (a node the page changed since it was read is left alone). Returns the terms
 * wrapped and what the index said.
 */
function annotate(page: PageRead, body: string, mode: "first" | "all", phases: number[]) {
  phases.push(performance.now());
  const index = parseIndex(body, page.filter);
  phases.push(performance.now());
  const matches = findMatches(page.text, page.folded, index, mode === "first" ? new Set<number>() : null);
  const terms: HTMLElement[] = [];
  let m = 0;
  page.nodes.forEach((node, n) => {
    const offset = page.offsets[n];
    const end = n + 1 < page.offsets.length ? page.offsets[n + 1] - 1 : page.text.length;
    const first = m;
    while (m < matches.length && matches[m].start < end) m++;
    const data = page.text.slice(offset, end);
    if (first === m || !node.isConnected || node.data !== data) return;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (let k = first; k < m; k++) {
      const start = matches[k].start - offset;
      const stop = matches[k].end - offset;
      if (start > at) fragment.appendChild(document.createTextNode(data.slice(at, start)));
      const span = document.createElement("span");
      span.className = "cg-term";
      span.tabIndex = 0;
      span.dataset.cgId = String(matches[k].id);
      span.textContent = data.slice(start, stop);
      fragment.appendChild(span);
      terms.push(span);
      at = stop;
    }
    if (at < data.length) fragment.appendChild(document.createTextNode(data.slice(at)));
    node.replaceWith(fragment);
  });
  phases.push(performance.now());
  return { terms, technologies: index.technologies, version: index.version };
}

/** Puts the text back where a term has no tooltip to show. */
function unwrap(term: HTMLElement) {
  const parent = term.parentNode;
  term.replaceWith(document.createTextNode(term.textContent || ""));
  parent?.normalize();
}

function injectStyle() {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = __CSS__;
  (document.head || document.documentElement).appendChild(style);
}

async function get(url: string): Promise<Response> {
  const response = await fetch(url, { credentials: "omit", mode: "cors" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

interface Version { catalog: string; index: string; definitions: string }

async function fetchDefinitions(endpoint: string, version: Version, lang: Lang, ids: number[]): Promise<Map<number, Card>> {
  const cards = new Map<number, Card>();
  const requests: Promise<void>[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const url = `${endpoint}${version.definitions}/${lang}?ids=${ids.slice(i, i + IDS_PER_REQUEST).join(",")}`;
    requests.push(get(url).then((r) => r.json()).then((body: { entries: Card[] }) => {
      for (const card of body.entries) cards.set(card.id, card);
    }));
  }
  await Promise.all(requests);
  return cards;
}

function start() {
  // Loaded twice (two tags, or a theme and a plugin): the first copy does the work, later ones nothing.
  if (w.__catalogGlossary) return;
  const state: State = {};
  w.__catalogGlossary = state;

  const data = script ? script.dataset : ({} as DOMStringMap);
  const pageLang = (data.lang || document.documentElement.lang || "en").toLowerCase();
  const lang: Lang = pageLang.startsWith("ja") ? "ja" : "en";
  const mode = data.mode === "all" ? "all" : "first";
  let origin = location.origin;
  try { if (script && script.src) origin = new URL(script.src, location.href).origin; } catch { /* keep the page's */ }
  const endpoint = (data.endpoint || origin).replace(/\/+$/, "").replace(/\/graphql$/, "");
  Object.assign(state, { lang, mode });

  // The version, then the index, are asked for at once, without waiting for the page: the index is the same for every
  // page of every blog, so it is usually in the browser's cache already.
  const loaded = get(`${endpoint}/widget/version`).then((r) => r.json() as Promise<Version>)
    .then(async (version) => ({ version, body: await (await get(endpoint + version.index)).text(), arrived: performance.now() }));
  loaded.catch(() => undefined); // reported by run(), unless the page has no article to annotate

  const run = async () => {
    const container = document.querySelector(data.selector || DEFAULT_SELECTOR);
    if (!container || container.hasAttribute(DONE)) return;
    container.setAttribute(DONE, "loading");
    let terms: HTMLElement[] = [];
    try {
      // The page is read while the index is on its way. The clock starts when both are there: at the index's arrival,
      // or, when it was there before the page was read (a script loaded early), at the start of the reading.
      const reading = performance.now();
      const page = readPage(container);
      const read = performance.now() - reading;
      const got = await loaded;
      const phases = [Math.max(got.arrived, reading)];
      const result = annotate(page, got.body, mode, phases);
      terms = result.terms;
      state.lastAnnotateMs = performance.now() - phases[0];
      const ms = (i: number) => Math.round((phases[i + 1] - phases[i]) * 10) / 10;
      state.phasesMs = { wait: ms(0), parse: ms(1), match: ms(2), read: Math.round(read * 10) / 10 };
      Object.assign(state, { version: result.version, terms: result.technologies, annotated: terms.length });
      if (terms.length) injectStyle();

      const ids = [...new Set(terms.map((t) => Number(t.dataset.cgId)))].sort((a, b) => a - b);
      const cards = ids.length ? await fetchDefinitions(endpoint, got.version, lang, ids) : new Map<number, Card>();
      state.definitions = cards.size;
      for (const term of terms) {
        const card = cards.get(Number(term.dataset.cgId));
        if (card) term.dataset.cgSlug = card.slug; else unwrap(term);
      }
      setUpTooltips(container, cards, lang, endpoint);
      container.setAttribute(DONE, "done");
    } catch (e) {
      // Underlines with nothing behind them would only mislead: the page is left as it was.
      for (const term of terms) if (term.isConnected) unwrap(term);
      state.error = String(e);
      container.setAttribute(DONE, "error");
      console.warn("Catalog glossary:", e);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
}

start();
