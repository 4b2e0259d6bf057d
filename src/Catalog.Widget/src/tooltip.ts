// The tooltip: WAI-ARIA tooltip pattern, WCAG 1.4.13 (dismissible with Escape, hoverable, persistent while
// hovered or focused), keyboard, mouse and touch.

export type Lang = "ja" | "en";

/** One technology as GET /widget/definitions/{version}/{lang} describes it; absent fields have no value. */
export interface Card {
  id: number;
  slug: string;
  name: string;
  definition?: string;
  definitionLang?: Lang;
  /** True when the definition was composed from the catalog's facts rather than written. */
  facts?: boolean;
  /** The CNCF maturity, when the service sends it. */
  maturity?: string;
  categories?: string[];
  /** The first few titles; talkCount says how many there are. */
  talks?: string[];
  talkCount?: number;
  url?: string;
}

export const TIP_ID = "cg-glossary-tip";

const TEXT = {
  ja: { other: "(English)", talks: "この技術を扱った講演", more: "詳しく見る", sep: "、", maturity: "CNCFの成熟度", facts: "カタログの情報から自動で作成した説明" },
  en: { other: "(日本語)", talks: "Talks that covered it", more: "Read more", sep: ", ", maturity: "CNCF maturity", facts: "Composed from the catalog's facts" },
};

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function setUpTooltips(container: Element, cards: Map<number, Card>, lang: Lang, endpoint: string) {
  const t = TEXT[lang];
  const tip = el("span", "");
  tip.id = TIP_ID;
  tip.setAttribute("role", "tooltip");
  let active: HTMLElement | null = null;
  let hideTimer = 0;
  let touchWasOpen = false;
  let lastPointer = "";

  const render = (card: Card) => {
    tip.textContent = "";
    const other = card.definitionLang && card.definitionLang !== lang;
    const name = el("span", "cg-name", card.name);
    if (other) name.appendChild(el("span", "cg-note", t.other));
    tip.appendChild(name);
    if (card.definition) {
      const def = el("span", "cg-def", card.definition);
      if (other) def.lang = card.definitionLang!;
      tip.appendChild(def);
      if (card.facts) tip.appendChild(el("span", "cg-note cg-facts", t.facts));
    }
    if (card.maturity) tip.appendChild(el("span", "cg-meta", `${t.maturity}: ${card.maturity}`));
    if (card.categories && card.categories.length) tip.appendChild(el("span", "cg-cats", card.categories.join(t.sep)));
    if (card.talks && card.talks.length) {
      const talks = el("span", "cg-talks", t.talks);
      for (const title of card.talks) talks.appendChild(el("span", "cg-talk", "・" + title));
      const more = (card.talkCount || card.talks.length) - card.talks.length;
      if (more > 0) talks.appendChild(el("span", "cg-talk", `… +${more}`));
      tip.appendChild(talks);
    }
    const link = el("a", "cg-more", t.more) as HTMLAnchorElement;
    link.href = card.url || `${endpoint}/graphql`;
    link.rel = "noopener";
    tip.appendChild(link);
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
    const card = cards.get(Number(term.dataset.cgId));
    if (!card) return;
    if (active && active !== term) active.removeAttribute("aria-describedby");
    active = term;
    render(card);
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
