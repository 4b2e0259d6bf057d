// The compact term index (GET /widget/index/{version}) and matching a text against it. No DOM here.
//
// Index format (UTF-8 text): a first line "catalog-terms 1 VERSION", then one line per technology in ascending id
// order: the id's step from the line before (left out when it is 1), then each term after a tab (it links ignoring
// case), a vertical tab (only its exact case links) or a form feed (ambiguous: a candidate in any case that links only
// where the service decides it does, POST /widget/links).

export const FORMAT = "catalog-terms 1";

export interface Term {
  id: number;
  /** For a term that links only in its exact case, that case; null for one that ignores case. */
  exact: string | null;
  /** An ambiguous name ("Helm", "Service"): it links only where the service decides it does. */
  ambiguous: boolean;
}

/**
 * The terms kept for a page as a trie over their folded UTF-16 codes: matching walks it from each position where a
 * term may start, as far as the text follows some term (a character or two where none does).
 */
export interface TermIndex {
  version: string;
  /** How many technologies the index holds. */
  technologies: number;
  /** How many terms were kept, and how many of them are ambiguous. */
  terms: number;
  ambiguous: number;
  /** The child of (node, code) is at node * 65536 + code; the root is node 0. */
  edges: Map<number, number>;
  /** The terms that end at a node (most nodes have none). */
  ends: Map<number, Term[]>;
}

export interface Match {
  start: number;
  end: number;
  id: number;
  ambiguous: boolean;
}

/** Lower case with the length kept, so that positions in the folded text are positions in the text. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i].toLowerCase();
    out += c.length === 1 ? c : text[i];
  }
  return out;
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const BITS = 18;

/** A hash of three UTF-16 codes into BITS bits. */
const hash3 = (a: number, b: number, c: number) =>
  Math.imul(Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca77) ^ c, 0xc2b2ae3d) >>> (32 - BITS);

const has = (bits: Uint32Array, h: number) => (bits[h >>> 5] & (1 << (h & 31))) !== 0;

/**
 * What the page's text can hold, to skip most of the index without building anything for it: the first three folded
 * characters at every position where a term may start (not inside an ASCII word), and every three folded characters
 * anywhere, each as a bit set of their hashes (a collision only keeps a term that cannot match). A term of three
 * characters or more whose beginning or end is not among them cannot match.
 */
export interface PageText {
  starts: Uint32Array;
  trigrams: Uint32Array;
}

export function pageText(): PageText {
  return { starts: new Uint32Array(1 << (BITS - 5)), trigrams: new Uint32Array(1 << (BITS - 5)) };
}

export function addText(page: PageText, text: string, folded: string) {
  const starts = page.starts;
  const trigrams = page.trigrams;
  let a = folded.charCodeAt(0);
  let b = folded.charCodeAt(1);
  // Whether the character before position i is an ASCII letter or digit (lower case after folding).
  let wordBefore = false;
  for (let i = 0; i + 2 < text.length; i++) {
    const c = folded.charCodeAt(i + 2);
    const h = hash3(a, b, c);
    const bit = 1 << (h & 31);
    trigrams[h >>> 5] |= bit;
    const word = (a >= 48 && a <= 57) || (a >= 97 && a <= 122);
    if (!(word && wordBefore)) starts[h >>> 5] |= bit;
    wordBefore = word;
    a = b;
    b = c;
  }
}

const lowerCodes = new Map<number, number>();

/** The lower case of one UTF-16 code, as fold() gives it (ASCII at once, others looked up once). */
function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  let lower = lowerCodes.get(c);
  if (lower === undefined) {
    const text = String.fromCharCode(c).toLowerCase();
    lower = text.length === 1 ? text.charCodeAt(0) : c;
    lowerCodes.set(c, lower);
  }
  return lower;
}

/** hash3 of the folded text at `i`, without folding it. */
function foldedHash3(s: string, i: number) {
  let a = s.charCodeAt(i);
  let b = s.charCodeAt(i + 1);
  let c = s.charCodeAt(i + 2);
  a = a < 128 ? (a >= 65 && a <= 90 ? a + 32 : a) : lowerCode(a);
  b = b < 128 ? (b >= 65 && b <= 90 ? b + 32 : b) : lowerCode(b);
  c = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : lowerCode(c);
  return hash3(a, b, c);
}


/**
 * One pass over the index. Only the terms that may occur in the page (every term when `page` is null) are folded and
 * cost a slice and a map entry: at the landscape's size and beyond, folding them all and building that map would be
 * most of the time from the index's arrival to the last underline.
 */
export function parseIndex(body: string, page: PageText | null = null): TermIndex {
  const newline = body.indexOf("\n");
  const header = newline < 0 ? body : body.slice(0, newline);
  if (!header.startsWith(FORMAT + " ")) throw new Error(`not a term index: "${header.slice(0, 40)}"`);
  const edges = new Map<number, number>();
  const ends = new Map<number, Term[]>();
  let nodes = 0;
  let terms = 0;
  let ambiguous = 0;
  let id = 0;
  let technologies = 0;
  const n = body.length;
  // The next tab, vertical tab, form feed and newline at or after a position, found by the engine's own search (far cheaper than
  // a loop over every character before the code is optimised), each searched for again only once passed.
  const find = (separator: string, from: number) => { const at = body.indexOf(separator, from); return at < 0 ? n : at; };
  let tab = find("\t", 0);
  let vt = find("\v", 0);
  let ff = find("\f", 0);
  let nl = newline < 0 ? n : newline;
  const next = (from: number) => {
    if (tab < from) tab = find("\t", from);
    if (vt < from) vt = find("\v", from);
    if (ff < from) ff = find("\f", from);
    if (nl < from) nl = find("\n", from);
    return Math.min(tab, vt, ff, nl);
  };
  let at = newline < 0 ? n : newline + 1;
  while (at < n) {
    // A line: the id's step (none for 1), then separator-term pairs.
    let end = next(at);
    if (end === at && end === nl) { at++; continue; }
    id += end > at ? Number(body.slice(at, end)) : 1;
    technologies++;
    while (end < n && end !== nl) {
      const exact = end === vt;
      const isAmbiguous = end === ff;
      const start = end + 1;
      end = next(start);
      const length = end - start;
      if (!length) continue;
      if (page && length >= 3 && (!has(page.starts, foldedHash3(body, start)) || !has(page.trigrams, foldedHash3(body, end - 3)))) continue;
      const text = body.slice(start, end);
      const key = fold(text);
      let node = 0;
      for (let k = 0; k < key.length; k++) {
        const edge = node * 65536 + key.charCodeAt(k);
        const child = edges.get(edge);
        if (child === undefined) edges.set(edge, node = ++nodes); else node = child;
      }
      const term: Term = { id, exact: exact ? text : null, ambiguous: isAmbiguous };
      const list = ends.get(node);
      // At one node, the unambiguous terms come first (in id order), so that they win where the text is theirs too.
      if (!list) ends.set(node, [term]);
      else if (isAmbiguous) list.push(term);
      else { const k = list.findIndex((t) => t.ambiguous); if (k < 0) list.push(term); else list.splice(k, 0, term); }
      terms++;
      if (isAmbiguous) ambiguous++;
    }
    at = end + 1;
  }
  return { version: header.slice(FORMAT.length + 1).trim(), technologies, terms, ambiguous, edges, ends };
}

/**
 * Every match in one text (and its fold), left to right; at each position the longest term wins. A term whose first (last)
 * character is an ASCII letter or digit matches only where the character before (after) it is not one: word
 * boundaries for English, while Japanese terms match anywhere, Japanese having no spaces. With `seen`, a technology
 * already matched is skipped (and a shorter term at the same position may match instead); so is an ambiguous term that
 * `decided` does not name (the position and length of an occurrence in the page's text, and the technology it links
 * to); without `decided`, every ambiguous term is a candidate.
 */
export function findMatches(text: string, folded: string, index: TermIndex, seen: Set<number> | null,
  decided: ((start: number, end: number) => number | undefined) | null = null): Match[] {
  const n = text.length;
  const out: Match[] = [];
  for (let i = 0; i < n; i++) {
    // Inside an ASCII word no term can start (its first character would need a boundary).
    if (i > 0 && isWordChar(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i - 1))) continue;
    let found: Term | undefined;
    let foundId = 0;
    let end = 0;
    let node = 0;
    for (let j = i; j < n; j++) {
      const next = index.edges.get(node * 65536 + folded.charCodeAt(j));
      if (next === undefined) break;
      node = next;
      const terms = index.ends.get(node);
      // A term ending in a letter or digit needs a boundary after it.
      if (!terms || (j + 1 < n && isWordChar(text.charCodeAt(j)) && isWordChar(text.charCodeAt(j + 1)))) continue;
      for (const term of terms) {
        if (term.exact !== null && !text.startsWith(term.exact, i)) continue;
        // The service names the technology an ambiguous name links to, one of those that share it.
        const id = term.ambiguous && decided ? decided(i, j + 1) : term.id;
        if (id === undefined || (seen && seen.has(id))) continue;
        // Deeper is longer: a later find replaces this one.
        found = term;
        foundId = id;
        end = j + 1;
        break;
      }
    }
    if (!found) continue;
    out.push({ start: i, end, id: foundId, ambiguous: found.ambiguous });
    if (seen) seen.add(foundId);
    i = end - 1;
  }
  return out;
}
