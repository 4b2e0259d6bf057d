// The compact term index (GET /widget/index/{version}) and matching a text against it. No DOM here.
//
// Index format (UTF-8 text): a first line "catalog-terms 1 VERSION", then one line per technology in ascending id
// order: the id's step from the line before (left out when it is 1), then each term after a tab (it links ignoring
// case) or a vertical tab (only its exact case links).

export const FORMAT = "catalog-terms 1";

interface Term {
  id: number;
  /** For a term that links only in its exact case, that case; null for one that ignores case. */
  exact: string | null;
}

export interface TermIndex {
  version: string;
  /** How many technologies the index holds. */
  technologies: number;
  /** By folded term: the technologies it names (rarely more than one). */
  byTerm: Map<string, Term[]>;
  /** By a term's first folded character (its UTF-16 code): the lengths of the terms starting with it, longest first. */
  lengths: Map<number, number[]>;
}

export interface Match {
  start: number;
  end: number;
  id: number;
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

/** The first three characters at `i`, as one number (3 x 16 bits fit a double exactly). */
const key3 = (s: string, i: number) => s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);

/**
 * What the page's text can hold, to skip most of the index without building anything for it: the first three folded
 * characters at every position where a term may start (not inside an ASCII word), and every three folded characters
 * anywhere. A term of three characters or more whose beginning or end is not among them cannot match.
 */
export interface PageText {
  starts: Set<number>;
  trigrams: Set<number>;
}

export function pageText(): PageText {
  return { starts: new Set<number>(), trigrams: new Set<number>() };
}

export function addText(page: PageText, text: string, folded: string) {
  for (let i = 0; i + 2 < text.length; i++) {
    const key = key3(folded, i);
    page.trigrams.add(key);
    if (i === 0 || !isWordChar(text.charCodeAt(i)) || !isWordChar(text.charCodeAt(i - 1))) page.starts.add(key);
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

/** key3 of the folded text, without folding it. */
const foldedKey3 = (s: string, i: number) =>
  lowerCode(s.charCodeAt(i)) * 4294967296 + lowerCode(s.charCodeAt(i + 1)) * 65536 + lowerCode(s.charCodeAt(i + 2));

const NEWLINE = 10;
const TAB = 9;
const VT = 11;

/**
 * One pass over the index. Only the terms that may occur in the page (every term when `page` is null) are folded and
 * cost a slice and a map entry: at the landscape's size and beyond, folding them all and building that map would be
 * most of the time from the index's arrival to the last underline.
 */
export function parseIndex(body: string, page: PageText | null = null): TermIndex {
  const newline = body.indexOf("\n");
  const header = newline < 0 ? body : body.slice(0, newline);
  if (!header.startsWith(FORMAT + " ")) throw new Error(`not a term index: "${header.slice(0, 40)}"`);
  const byTerm = new Map<string, Term[]>();
  const lengths = new Map<number, number[]>();
  let id = 0;
  let technologies = 0;
  let at = newline + 1;
  const n = body.length;
  while (at > 0 && at < n) {
    // A line: the id's step (none for 1), then separator-term pairs.
    let end = at;
    let c = body.charCodeAt(end);
    while (end < n && c !== TAB && c !== VT && c !== NEWLINE) c = body.charCodeAt(++end);
    if (end === at && c === NEWLINE) { at++; continue; }
    id += end > at ? Number(body.slice(at, end)) : 1;
    technologies++;
    while (end < n && c !== NEWLINE) {
      const exact = c === VT;
      const start = end + 1;
      c = body.charCodeAt(++end);
      while (end < n && c !== TAB && c !== VT && c !== NEWLINE) c = body.charCodeAt(++end);
      const length = end - start;
      if (!length) continue;
      if (page && length >= 3 && (!page.starts.has(foldedKey3(body, start)) || !page.trigrams.has(foldedKey3(body, end - 3)))) continue;
      const text = body.slice(start, end);
      const key = fold(text);
      const term: Term = { id, exact: exact ? text : null };
      const list = byTerm.get(key);
      if (list) list.push(term); else byTerm.set(key, [term]);
      const first = key.charCodeAt(0);
      const known = lengths.get(first);
      if (!known) lengths.set(first, [length]);
      else if (known.indexOf(length) < 0) known.push(length);
    }
    at = end + 1;
  }
  lengths.forEach((list) => list.sort((a, b) => b - a));
  return { version: header.slice(FORMAT.length + 1).trim(), technologies, byTerm, lengths };
}

/**
 * Every match in one text (and its fold), left to right; at each position the longest term wins. A term whose first (last)
 * character is an ASCII letter or digit matches only where the character before (after) it is not one: word
 * boundaries for English, while Japanese terms match anywhere, Japanese having no spaces. With `seen`, a technology
 * already matched is skipped (and a shorter term at the same position may match instead).
 */
export function findMatches(text: string, folded: string, index: TermIndex, seen: Set<number> | null): Match[] {
  const n = text.length;
  const out: Match[] = [];
  for (let i = 0; i < n; i++) {
    // Inside an ASCII word no term can start (its first character would need a boundary).
    if (i > 0 && isWordChar(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i - 1))) continue;
    const lengths = index.lengths.get(folded.charCodeAt(i));
    if (!lengths) continue;
    let found: Term | undefined;
    let end = 0;
    for (const length of lengths) {
      end = i + length;
      if (end > n) continue;
      // A term ending in a letter or digit needs a boundary after it.
      if (end < n && isWordChar(text.charCodeAt(end - 1)) && isWordChar(text.charCodeAt(end))) continue;
      const terms = index.byTerm.get(folded.slice(i, end));
      if (!terms) continue;
      for (const term of terms) {
        if (term.exact !== null && !text.startsWith(term.exact, i)) continue;
        if (seen && seen.has(term.id)) continue;
        found = term;
        break;
      }
      if (found) break;
    }
    if (!found) continue;
    out.push({ start: i, end, id: found.id });
    if (seen) seen.add(found.id);
    i = end - 1;
  }
  return out;
}
