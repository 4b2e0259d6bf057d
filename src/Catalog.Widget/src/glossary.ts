// The glossary widget. One script tag:
//   <script src="https://catalog.example/widget/glossary.js" data-lang="ja" defer></script>
// underlines the known technologies in the article, each with an accessible tooltip. What a page view costs follows
// the page, not the catalog:
//   1. GET /widget/version: the catalog's current version (cached a minute);
//   2. GET /widget/index/{version}: the compact term index, the same for every page (cached a year);
//   3. the page is matched against it; when it holds an ambiguous name ("helm", "Service"), one POST
//      /widget/links/{version} sends the article's text and brings back which occurrences link (the service's decision,
//      the same as every other path that links), and the terms are underlined;
//   4. GET /widget/definitions/{version}/{lang}?ids=...: the tooltips of just the technologies found, ids ascending,
//      so pages that show the same technologies share one cached answer (cached a year).

import { addText, findMatches, fold, Match, PageText, pageText, parseIndex, TermIndex } from "./terms";
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
  /**
   * Its parts: waiting to start, parsing the index, asking the service about ambiguous names (0 when the page has
   * none), matching and wrapping; and reading the page (usually before).
   */
  phasesMs?: { wait: number; parse: number; links: number; match: number; read: number };
  /** Ambiguous occurrences the service decided link, and why asking it failed (none of them is underlined then). */
  decided?: number;
  linksError?: string;
  /** Technologies whose definitions were fetched. */
  definitions?: number;
  error?: string;
}

const STYLE_ID = "cg-glossary-style";
const DONE = "data-cg-glossary";
const DEFAULT_SELECTOR = "article, .entry-content, .post-content, main";
/** As many ids as one definitions request may carry (the service's limit). */
const IDS_PER_REQUEST = 500;
/**
 * What one links request may carry: the service's limits are 2,000 blocks and a body of 100,000 bytes (by default);
 * the blocks past these are not sent, and their ambiguous names stay plain.
 */
const LINK_BLOCKS = 2000;
const LINK_BYTES = 96_000;
/** How long the underlines wait for the service's decision (it waits at most 5 s itself just after a catalog change). */
const LINKS_TIMEOUT_MS = 8000;
/** Elements whose text is not the article's: not underlined, and not sent to the service either. */
const HIDDEN = new Set(["SCRIPT", "STYLE", "TEXTAREA", "INPUT", "SELECT", "BUTTON", "OPTION", "NOSCRIPT", "TEMPLATE", "SVG", "MATH"]);
// Headings are skipped: an underline and a focus stop in a title are noise, and the same terms come again in the text.
const SKIP = new Set([...HIDDEN, "CODE", "PRE", "A", "KBD", "SAMP", "H1", "H2", "H3", "H4", "H5", "H6"]);
/** Elements that start a block of text of their own: what the service reads as a paragraph. */
const BLOCKS = new Set(["P", "LI", "DD", "DT", "TD", "TH", "CAPTION", "FIGCAPTION", "BLOCKQUOTE", "DIV", "SECTION",
  "UL", "OL", "TABLE", "TR", "PRE", "BR", "H1", "H2", "H3", "H4", "H5", "H6"]);
/** Code, written between backticks for the service as in Markdown (code is evidence that a name is the technology's). */
const CODE = new Set(["CODE", "PRE", "KBD", "SAMP"]);
/**
 * Characters no request may carry (NUL and other C0 controls, lone surrogates) become a space, and line breaks and
 * tabs become one too, character for character, so a position in a block is a position in the page's text.
 */
const UNSENDABLE = /[\0-\x1F\x7F]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
const sendable = (text: string) => text.replace(UNSENDABLE, (c) => (c.length === 2 ? c : " "));

const w = window as unknown as { __catalogGlossary?: State };
const script = document.currentScript as HTMLScriptElement | null;

/**
 * The container's text, read once while the index is on its way: the text nodes a term may be underlined in, joined
 * by newlines (no term holds one, and a newline is a boundary as a node's edge is), so folding, the page filter and
 * matching are each one loop over the page, not one call per node; and the article as the service reads it, in
 * blocks (a paragraph, a list item, a table cell, a heading ...), with inline code between backticks and each link's
 * address after the block's text, with where each of those text nodes starts in its block.
 */
interface PageRead {
  nodes: Text[];
  offsets: number[];
  text: string;
  folded: string;
  filter: PageText;
  blocks: string[];
  /** For each node, its block and where its text starts in it. */
  blockOf: number[];
  startInBlock: number[];
}

function readPage(container: Element): PageRead {
  const nodes: Text[] = [];
  const blockOf: number[] = [];
  const startInBlock: number[] = [];
  const blocks: string[] = [];
  let block = "";
  let addresses: string[] = [];
  const endBlock = () => {
    const text = addresses.length ? `${block} ${addresses.join(" ")}` : block;
    // A block with no text is left out (a node to underline is never blank, so its block is never left out).
    if (text.trim()) blocks.push(sendable(text));
    block = "";
    addresses = [];
  };
  const walk = (element: Element, underline: boolean, code: boolean) => {
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        if (underline && !code && data.trim()) {
          nodes.push(node as Text);
          blockOf.push(blocks.length);
          startInBlock.push(block.length);
        }
        // Backticks inside code would end it early for the service.
        block += code ? data.replace(/`/g, "'") : data;
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = node as Element;
      const name = el.nodeName.toUpperCase();
      if (HIDDEN.has(name) || el.id === TIP_ID || el.getAttribute("role") === "tooltip") continue;
      const blockLevel = BLOCKS.has(name);
      if (blockLevel) endBlock();
      const isCode = CODE.has(name) && !code;
      if (isCode) block += "`";
      const own = underline && !SKIP.has(name) && !el.hasAttribute("contenteditable") && !el.classList.contains("cg-term");
      walk(el, own, code || isCode);
      if (isCode) block += "`";
      if (name === "A") { const href = el.getAttribute("href"); if (href && /^https?:/i.test(href)) addresses.push(href); }
      if (blockLevel) endBlock();
    }
  };
  walk(container, true, false);
  endBlock();
  const offsets: number[] = [];
  let length = 0;
  const text = nodes.map((node) => { offsets.push(length); length += node.data.length + 1; return node.data; }).join("\n");
  const folded = fold(text);
  const filter = pageText();
  addText(filter, text, folded);
  return { nodes, offsets, text, folded, filter, blocks, blockOf, startInBlock };
}

/** Whether the page holds an ambiguous name of the index: then the service is asked which occurrences link. */
function hasAmbiguous(page: PageRead, index: TermIndex): boolean {
  return index.ambiguous > 0 && findMatches(page.text, page.folded, index, null).some((m) => m.ambiguous);
}

/** The blocks one links request carries: the page's first ones, within the service's limits. */
function blocksToSend(page: PageRead): string[] {
  const encoder = new TextEncoder();
  let bytes = 16;
  let count = 0;
  for (; count < page.blocks.length && count < LINK_BLOCKS; count++) {
    bytes += encoder.encode(JSON.stringify(page.blocks[count])).length + 1;
    if (bytes > LINK_BYTES) break;
  }
  return page.blocks.slice(0, count);
}

/**
 * Asks the service which ambiguous names in the page's blocks link; returns, for an occurrence in the page's text (its
 * start and end), the technology it links to, or undefined. Sent as text/plain, which any origin may send without a preflight
 * request, so it costs one round trip.
 */
async function decide(endpoint: string, version: Version, page: PageRead): Promise<(start: number, end: number) => number | undefined> {
  // A page waits for this answer before it underlines anything: past LINKS_TIMEOUT_MS it goes on without.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), LINKS_TIMEOUT_MS);
  let answer: { links: number[][][] };
  try {
    const response = await fetch(endpoint + version.links, {
      method: "POST", credentials: "omit", mode: "cors", signal: abort.signal,
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({ blocks: blocksToSend(page) }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    answer = await response.json();
  } finally {
    clearTimeout(timer);
  }
  const links = new Map<string, number>();
  answer.links.forEach((spans, block) => { for (const span of spans) links.set(`${block}:${span[0]}:${span[1]}`, span[2]); });
  return (start, end) => {
    // The text node holding the occurrence: the last one starting at or before it.
    let lo = 0;
    let hi = page.offsets.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (page.offsets[mid] <= start) lo = mid; else hi = mid - 1; }
    return links.get(`${page.blockOf[lo]}:${page.startInBlock[lo] + start - page.offsets[lo]}:${end - start}`);
  };
}

/**
 * Wraps the matches: only text nodes are split and replaced, so the page's elements, links and handlers stay (a node
 * the page changed since it was read is left alone). Returns the terms wrapped.
 */
function wrap(page: PageRead, matches: Match[]): HTMLElement[] {
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
  return terms;
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

interface Version { catalog: string; index: string; definitions: string; links: string }

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
      const phases = [Math.max(got.arrived, reading), performance.now()];
      const index = parseIndex(got.body, page.filter);
      phases.push(performance.now());
      // An ambiguous name links only where the service decides it does; when it cannot be asked, nowhere.
      let decided: ((start: number, end: number) => number | undefined) | null = null;
      if (hasAmbiguous(page, index)) {
        try {
          decided = await decide(endpoint, got.version, page);
        } catch (e) {
          state.linksError = `${got.version.links}: ${e}`;
          decided = () => undefined;
        }
      }
      phases.push(performance.now());
      const matches = findMatches(page.text, page.folded, index, mode === "first" ? new Set<number>() : null, decided ?? (() => undefined));
      terms = wrap(page, matches);
      phases.push(performance.now());
      state.lastAnnotateMs = phases[phases.length - 1] - phases[0];
      const ms = (i: number) => Math.round((phases[i + 1] - phases[i]) * 10) / 10;
      state.phasesMs = { wait: ms(0), parse: ms(1), links: ms(2), match: ms(3), read: Math.round(read * 10) / 10 };
      Object.assign(state, { version: index.version, terms: index.technologies, annotated: terms.length, decided: matches.filter((m) => m.ambiguous).length });
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
