// The glossary widget. One script tag:
//   <script src="https://catalog.example/widget/glossary.js" data-lang="ja" defer></script>
// fetches the service's glossary by GET (cacheable) and underlines known terms in the article, each with an
// accessible tooltip (WAI-ARIA tooltip pattern, WCAG 1.4.13).

declare const __CSS__: string;
declare const __QUERY__: string;
declare const __QUERY_HASH__: string;

type Lang = "ja" | "en";

interface Entry {
  slug: string;
  name: string;
  terms: string[];
  caseSensitiveTerms: string[];
  definition: string;
  definitionLang: "JA" | "EN";
  categories: string[];
  talks: string[];
  url: string | null;
}

interface Candidate {
  /** The term as written (case-sensitive ones compare against this). */
  text: string;
  /** The lower-cased term (case-insensitive ones compare against this). */
  lower: string;
  caseSensitive: boolean;
  /** ASCII letter or digit at the start / end: the neighbour on that side must not be one. */
  boundaryStart: boolean;
  boundaryEnd: boolean;
  entry: number;
}

interface State {
  documentId: string;
  lang?: Lang;
  mode?: "first" | "all";
  terms?: number;
  annotated?: number;
  lastAnnotateMs?: number;
  error?: string;
}

const STYLE_ID = "cg-glossary-style";
const TIP_ID = "cg-glossary-tip";
const DONE = "data-cg-glossary";
const DEFAULT_SELECTOR = "article, .entry-content, .post-content, main";
// Headings are skipped: an underline and a focus stop in a title are noise, and the same terms come again in the text.
const SKIP = new Set(["CODE", "PRE", "A", "SCRIPT", "STYLE", "TEXTAREA", "INPUT", "SELECT", "BUTTON", "OPTION",
  "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "KBD", "SAMP", "H1", "H2", "H3", "H4", "H5", "H6"]);

const TEXT = {
  ja: { other: "(English)", talks: "この技術を扱った講演", more: "詳しく見る", sep: "、" },
  en: { other: "(日本語)", talks: "Talks that covered it", more: "Read more", sep: ", " },
};

const w = window as unknown as { __catalogGlossary?: State };
const script = document.currentScript as HTMLScriptElement | null;

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** One structure for the whole glossary: per first character (lower-cased), the candidates longest first. */
function buildMatcher(entries: Entry[]): Map<string, Candidate[]> {
  const byFirst = new Map<string, Candidate[]>();
  const add = (text: string, caseSensitive: boolean, entry: number) => {
    if (!text) return;
    const lower = text.toLowerCase();
    if (lower.length !== text.length) caseSensitive = true; // rare case-mapping that changes length: compare exactly
    const candidate: Candidate = {
      text, lower, caseSensitive, entry,
      boundaryStart: isWordChar(text.charCodeAt(0)),
      boundaryEnd: isWordChar(text.charCodeAt(text.length - 1)),
    };
    const key = lower[0];
    const list = byFirst.get(key);
    if (list) list.push(candidate); else byFirst.set(key, [candidate]);
  };
  entries.forEach((e, i) => {
    for (const t of e.terms) add(t, false, i);
    for (const t of e.caseSensitiveTerms) add(t, true, i);
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  return byFirst;
}

interface Match { start: number; end: number; entry: number }

/** Every match in one text, left to right, longest first at each position, on word boundaries for ASCII edges. */
function findMatches(text: string, matcher: Map<string, Candidate[]>, seen: Set<number> | null): Match[] {
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const out: Match[] = [];
  let i = 0;
  while (i < text.length) {
    // Inside an ASCII word no term can start (its first letter would need a boundary): skip to the word's end.
    if (i > 0 && isWordChar(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    const list = matcher.get(sameLength ? lower[i] : text[i].toLowerCase());
    let found: Candidate | undefined;
    if (list) {
      for (const c of list) {
        const end = i + c.text.length;
        if (end > text.length) continue;
        if (c.boundaryStart && i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
        if (c.boundaryEnd && end < text.length && isWordChar(text.charCodeAt(end))) continue;
        if (c.caseSensitive ? !text.startsWith(c.text, i) : !(sameLength ? lower.startsWith(c.lower, i) : text.substr(i, c.text.length).toLowerCase() === c.lower)) continue;
        if (seen && seen.has(c.entry)) continue;
        found = c;
        break;
      }
    }
    if (found) {
      out.push({ start: i, end: i + found.text.length, entry: found.entry });
      if (seen) seen.add(found.entry);
      i += found.text.length;
    } else {
      i++;
    }
  }
  return out;
}

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

/** Wraps the matches: only text nodes are split and replaced, so the page's elements, links and handlers stay. */
function annotate(container: Element, entries: Entry[], mode: "first" | "all"): number {
  const matcher = buildMatcher(entries);
  const seen = mode === "first" ? new Set<number>() : null;
  let count = 0;
  for (const node of collectTextNodes(container)) {
    const text = node.data;
    const matches = findMatches(text, matcher, seen);
    if (!matches.length) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const m of matches) {
      if (m.start > at) fragment.appendChild(document.createTextNode(text.slice(at, m.start)));
      const span = document.createElement("span");
      span.className = "cg-term";
      span.tabIndex = 0;
      span.dataset.cgSlug = entries[m.entry].slug;
      span.textContent = text.slice(m.start, m.end);
      fragment.appendChild(span);
      at = m.end;
      count++;
    }
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    node.replaceWith(fragment);
  }
  return count;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function setUpTooltips(container: Element, entries: Entry[], lang: Lang, endpoint: string) {
  const bySlug = new Map(entries.map((e) => [e.slug, e]));
  const t = TEXT[lang];
  const tip = el("span", "");
  tip.id = TIP_ID;
  tip.setAttribute("role", "tooltip");
  let active: HTMLElement | null = null;
  let hideTimer = 0;
  let touchWasOpen = false;
  let lastPointer = "";

  const render = (entry: Entry) => {
    tip.textContent = "";
    const name = el("span", "cg-name", entry.name);
    if (entry.definitionLang.toLowerCase() !== lang) name.appendChild(el("span", "cg-note", t.other));
    tip.appendChild(name);
    const def = el("span", "cg-def", entry.definition);
    if (entry.definitionLang.toLowerCase() !== lang) def.lang = entry.definitionLang.toLowerCase();
    tip.appendChild(def);
    if (entry.categories.length) tip.appendChild(el("span", "cg-cats", entry.categories.join(t.sep)));
    if (entry.talks.length) {
      const talks = el("span", "cg-talks", t.talks);
      for (const title of entry.talks.slice(0, 4)) talks.appendChild(el("span", "cg-talk", "・" + title));
      if (entry.talks.length > 4) talks.appendChild(el("span", "cg-talk", `… +${entry.talks.length - 4}`));
      tip.appendChild(talks);
    }
    const more = el("a", "cg-more", t.more) as HTMLAnchorElement;
    more.href = entry.url || `${endpoint}/graphql`;
    more.rel = "noopener";
    tip.appendChild(more);
  };

  const position = () => {
    if (!active) return;
    const r = active.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const h = tip.offsetHeight;
    const wdt = tip.offsetWidth;
    const gap = 6;
    const below = r.bottom + gap;
    const above = r.top - gap - h;
    const top = below + h <= vh - 4 || above < 4 && vh - r.bottom >= r.top ? below : above;
    const left = Math.max(8, Math.min(r.left, vw - wdt - 8));
    tip.style.top = `${Math.round(Math.max(4, Math.min(top, vh - h - 4)))}px`;
    tip.style.left = `${Math.round(left)}px`;
    tip.dataset.placement = top === below ? "below" : "above";
  };

  const show = (term: HTMLElement) => {
    clearTimeout(hideTimer);
    const entry = bySlug.get(term.dataset.cgSlug || "");
    if (!entry) return;
    if (active && active !== term) active.removeAttribute("aria-describedby");
    active = term;
    render(entry);
    // Right after the term in the DOM: Tab from the term reaches the tooltip's link.
    if (term.nextSibling !== tip) term.after(tip);
    term.setAttribute("aria-describedby", TIP_ID);
    position();
  };

  const hide = () => {
    clearTimeout(hideTimer);
    if (!active) return;
    active.removeAttribute("aria-describedby");
    active = null;
    tip.remove();
  };

  // Hoverable (WCAG 1.4.13): leaving the term for the tooltip within a short delay keeps it open.
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 300);
  };

  const termOf = (target: EventTarget | null) =>
    target instanceof Element ? (target.closest(".cg-term") as HTMLElement | null) : null;
  const inTip = (target: EventTarget | null) => target instanceof Node && tip.contains(target);
  const inScope = (target: EventTarget | null) => { const term = termOf(target); return term && container.contains(term) ? term : null; };

  container.addEventListener("pointerover", (e) => {
    const term = inScope(e.target);
    if (term && (e as PointerEvent).pointerType === "mouse") show(term);
  });
  container.addEventListener("pointerout", (e) => {
    const p = e as PointerEvent;
    if (p.pointerType !== "mouse" || !active) return;
    if (termOf(p.target) === active && !inTip(p.relatedTarget) && termOf(p.relatedTarget) !== active && document.activeElement !== active) hideSoon();
  });
  tip.addEventListener("pointerenter", () => clearTimeout(hideTimer));
  tip.addEventListener("pointerleave", (e) => {
    if (e.pointerType === "mouse" && termOf(e.relatedTarget) !== active && document.activeElement !== active && !inTip(document.activeElement)) hideSoon();
  });

  // Touch: a tap toggles. What was open is read before the tap's focus event opens it.
  container.addEventListener("pointerdown", (e) => {
    lastPointer = (e as PointerEvent).pointerType;
    const term = inScope(e.target);
    touchWasOpen = !!term && term === active;
  });
  container.addEventListener("click", (e) => {
    const term = inScope(e.target);
    if (!term || lastPointer === "mouse" || lastPointer === "") return;
    if (touchWasOpen) hide(); else show(term);
  });
  document.addEventListener("pointerdown", (e) => {
    if (active && !inTip(e.target) && termOf(e.target) !== active) hide();
  }, true);

  container.addEventListener("focusin", (e) => {
    const term = inScope(e.target);
    if (term) show(term);
  });
  container.addEventListener("focusout", (e) => {
    const next = (e as FocusEvent).relatedTarget;
    if (!active || inTip(next) || termOf(next) === active) return;
    if (termOf(e.target) === active || inTip(e.target)) hide();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !active) return;
    const term = active;
    const focusWasInTip = inTip(document.activeElement);
    hide();
    if (focusWasInTip) term.focus({ preventScroll: true });
    // A second show from the focus above would reopen it: keep it closed until the next hover or focus.
    if (focusWasInTip) hide();
  });
  window.addEventListener("scroll", position, { passive: true, capture: true });
  window.addEventListener("resize", position, { passive: true });
}

function injectStyle() {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ID;
  style.textContent = __CSS__;
  (document.head || document.documentElement).appendChild(style);
}

async function fetchGlossary(endpoint: string, lang: Lang): Promise<Entry[]> {
  const variables = encodeURIComponent(JSON.stringify({ lang: lang.toUpperCase() }));
  const get = async (params: string) => {
    const response = await fetch(`${endpoint}/graphql?${params}&variables=${variables}`, {
      headers: { Accept: "application/graphql-response+json" },
      credentials: "omit",
      mode: "cors",
    });
    const body = await response.json().catch(() => null);
    return body && body.data && Array.isArray(body.data.glossary) ? (body.data.glossary as Entry[]) : null;
  };
  // The persisted document's id keeps the URL short and stable; the text is the fallback for a service that forgot it.
  const entries = (await get(`documentId=sha256:${__QUERY_HASH__}`)) || (await get(`query=${encodeURIComponent(__QUERY__)}`));
  if (!entries) throw new Error("the glossary could not be loaded");
  return entries;
}

function start() {
  // Loaded twice (two tags, or a theme and a plugin): the first copy does the work, later ones nothing.
  if (w.__catalogGlossary) return;
  const state: State = { documentId: `sha256:${__QUERY_HASH__}` };
  w.__catalogGlossary = state;

  const data = script ? script.dataset : ({} as DOMStringMap);
  const pageLang = (data.lang || document.documentElement.lang || "en").toLowerCase();
  const lang: Lang = pageLang.startsWith("ja") ? "ja" : "en";
  const mode = data.mode === "all" ? "all" : "first";
  let origin = location.origin;
  try { if (script && script.src) origin = new URL(script.src, location.href).origin; } catch { /* keep the page's */ }
  const endpoint = (data.endpoint || origin).replace(/\/+$/, "").replace(/\/graphql$/, "");
  Object.assign(state, { lang, mode });

  const glossary = fetchGlossary(endpoint, lang);
  const run = async () => {
    const container = document.querySelector(data.selector || DEFAULT_SELECTOR);
    if (!container || container.hasAttribute(DONE)) return;
    container.setAttribute(DONE, "loading");
    try {
      const entries = await glossary;
      injectStyle();
      const began = performance.now();
      state.annotated = annotate(container, entries, mode);
      state.lastAnnotateMs = performance.now() - began;
      state.terms = entries.length;
      setUpTooltips(container, entries, lang, endpoint);
      container.setAttribute(DONE, "done");
    } catch (e) {
      state.error = String(e);
      container.setAttribute(DONE, "error");
      console.warn("Catalog glossary:", e);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
}

start();
