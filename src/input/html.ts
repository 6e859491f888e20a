/**
 * HTML post bodies (Discourse `cooked`, Hacker News `text`, Mastodon `content`) as plain text:
 * entities decoded, paragraphs and line breaks kept, quotes as `> ` lines, and images, oneboxes,
 * attachments and link targets collected as media instead of text.
 */
import { createRequire } from 'node:module';

/**
 * htmlparser2, loaded on first use: most runs (JSON Lines, CSV, pasted threads) read no HTML, and
 * loading it costs start-up some 20 ms.
 */
let htmlparser2: typeof import('htmlparser2') | undefined;
function Parser(): typeof import('htmlparser2').Parser {
  htmlparser2 ??= createRequire(import.meta.url)('htmlparser2') as typeof import('htmlparser2');
  return htmlparser2.Parser;
}

/** Plain text and the media found beside it. */
export interface HtmlText {
  text: string;
  /** Image sources, onebox and embed URLs, targets of links whose label is not the URL; in document order. */
  media: string[];
}

interface El {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = El | string;

const SKIP = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr',
  'details', 'summary', 'address',
]);
const EMBED = new Set(['iframe', 'video', 'audio', 'source', 'embed']);

/** Converts an HTML fragment to plain text; never throws (htmlparser2 is forgiving). */
export function htmlToText(html: string): HtmlText {
  const root = parse(html);
  const media: string[] = [];
  const out = new Lines();
  render(root.children, out, { media, inQuote: false });
  return { text: out.done().join('\n'), media: [...new Set(media)] };
}

/**
 * Elements nested deeper than this are read as if they were not there (their text stays, in the
 * element at the limit): rendering walks the tree recursively, and no post nests 100 elements.
 */
const MAX_NESTING = 100;

function parse(html: string): El {
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  let flattened = 0;
  const parser = new (Parser())(
    {
      onopentag(name, attrs) {
        if (stack.length > MAX_NESTING) {
          flattened++;
          return;
        }
        const el: El = { name, attrs, children: [] };
        stack.at(-1)!.children.push(el);
        stack.push(el);
      },
      ontext(text) {
        stack.at(-1)!.children.push(text);
      },
      onclosetag() {
        if (flattened > 0) flattened--;
        else if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

interface Ctx {
  media: string[];
  /** Inside a quote, links and images belong to the quoted post, not to this one. */
  inQuote: boolean;
}

/** Lines of output; inline text is whitespace-collapsed, `<pre>` text is kept as is. */
class Lines {
  readonly lines: string[] = [];
  private cur = '';

  inline(text: string): void {
    let s = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (this.cur === '' || this.cur.endsWith(' ')) s = s.replace(/^ /, '');
    this.cur += s;
  }

  raw(text: string): void {
    const parts = text.replace(/\r\n?/g, '\n').split('\n');
    parts.forEach((p, i) => {
      if (i > 0) this.newline();
      this.cur += p;
    });
  }

  newline(): void {
    this.lines.push(this.cur.trimEnd());
    this.cur = '';
  }

  /** Ends the current line, if it has anything. */
  endLine(): void {
    if (this.cur.trim() !== '') this.newline();
    else this.cur = '';
  }

  /** Ends the current line and leaves one blank line before what follows. */
  block(): void {
    if (this.cur.trim() !== '') this.newline();
    else this.cur = '';
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
  }

  push(line: string): void {
    this.lines.push(line);
  }

  done(): string[] {
    this.block();
    const out: string[] = [];
    for (const line of this.lines) if (line !== '' || (out.length > 0 && out.at(-1) !== '')) out.push(line);
    while (out.at(-1) === '') out.pop();
    return out;
  }
}

function render(nodes: Node[], out: Lines, ctx: Ctx): void {
  for (const node of nodes) {
    if (typeof node === 'string') out.inline(node);
    else element(node, out, ctx);
  }
}

function element(el: El, out: Lines, ctx: Ctx): void {
  const cls = ` ${el.attrs.class ?? ''} `;
  const name = el.name;
  if (SKIP.has(name)) return;
  if (name === 'br') return out.newline();
  if (name === 'hr') return out.block();
  if (name === 'img') return image(el, cls, out, ctx);
  if (EMBED.has(name)) {
    addMedia(ctx, el.attrs.src);
    return render(el.children, out, ctx);
  }
  if (name === 'blockquote') return quote(el.children, out, ctx);
  // Mastodon's fallback line for a quote post ("RE: <link>"): the link is what it quotes.
  if (cls.includes(' quote-inline ')) return addMedia(ctx, find(el, (e) => e.name === 'a')?.attrs.href);
  if (name === 'aside' && cls.includes(' quote ')) {
    // Discourse: <aside class="quote"><div class="title">avatar user:</div><blockquote>…</blockquote></aside>
    return quote(el.children.filter((c) => typeof c === 'string' || !` ${c.attrs.class ?? ''} `.includes(' title ')), out, ctx);
  }
  if (name !== 'a' && / \S*onebox\S* | lazy-video-container | video-container /.test(cls)) return onebox(el, out, ctx);
  if (cls.includes(' lightbox-wrapper ')) {
    addMedia(ctx, find(el, (e) => e.name === 'a' && !!e.attrs.href)?.attrs.href ?? find(el, (e) => e.name === 'img')?.attrs.src);
    return;
  }
  if (name === 'pre') {
    out.block();
    out.raw(textContent(el).replace(/\n$/, ''));
    return out.block();
  }
  if (name === 'a') return link(el, cls, out, ctx);
  if (name === 'li') {
    out.endLine();
    out.inline('- ');
    render(el.children, out, ctx);
    return out.endLine();
  }
  if (BLOCK.has(name)) {
    out.block();
    render(el.children, out, ctx);
    return out.block();
  }
  render(el.children, out, ctx);
}

/** A quote: its lines prefixed with `> ` (nested quotes flattened), set apart from the text around it. */
function quote(children: Node[], out: Lines, ctx: Ctx): void {
  const inner = new Lines();
  render(children, inner, { ...ctx, inQuote: true });
  out.block();
  for (const line of inner.done()) out.push(line === '' ? '' : `> ${line.replace(/^(?:>\s?)+/, '')}`);
  out.block();
}

function image(el: El, cls: string, out: Lines, ctx: Ctx): void {
  if (cls.includes(' avatar ')) return;
  const label = (el.attrs.title || el.attrs.alt || '').trim();
  // Discourse emoji are images titled with their shortcode; the shortcode goes where splitMedia expects it.
  if (cls.includes(' emoji ') && label !== '') return out.inline(/^:[^:\s]+:$/.test(label) ? ` ${label} ` : label);
  addMedia(ctx, el.attrs.src);
  gifCaption(label, out);
}

/** A reaction GIF's caption ("Yes GIF by …") on a line of its own, as a reader copying the page gets it (splitMedia files it under media). */
function gifCaption(label: string, out: Lines): void {
  if (!/\bGIF\b/.test(label)) return;
  out.block();
  out.inline(label);
  out.block();
}

function onebox(el: El, out: Lines, ctx: Ctx): void {
  const src = el.attrs['data-onebox-src'] ?? find(el, (e) => e.name === 'a' && /^(https?:)?\/\//.test(e.attrs.href ?? ''))?.attrs.href ?? find(el, (e) => EMBED.has(e.name) && !!e.attrs.src)?.attrs.src;
  addMedia(ctx, src);
  const img = find(el, (e) => e.name === 'img' && /\bGIF\b/.test(e.attrs.alt ?? e.attrs.title ?? ''));
  if (img) gifCaption((img.attrs.alt ?? img.attrs.title)!.trim(), out);
  out.block();
}

function link(el: El, cls: string, out: Lines, ctx: Ctx): void {
  const href = absolute(el.attrs.href ?? '');
  const label = textContent(el).trim();
  // A label that is the address itself (Mastodon hides part of it, HN shortens it): write the full address.
  if (href && /^(https?:\/\/|www\.)\S+$/.test(label.replace(/…$|\.\.\.$/, ''))) return out.inline(` ${href} `);
  render(el.children, out, ctx);
  if (href && !/ (mention|hashtag|u-url) /.test(cls)) addMedia(ctx, href);
}

function addMedia(ctx: Ctx, src: string | undefined): void {
  if (ctx.inQuote || !src) return;
  const url = absolute(src);
  if (url) ctx.media.push(url);
}

/** Protocol-relative addresses get https; relative ones (mentions, hashtags, anchors) are not media. */
function absolute(src: string): string {
  const s = src.trim();
  if (s.startsWith('//')) return `https:${s}`;
  return /^https?:\/\//i.test(s) ? s : '';
}

function textContent(node: Node): string {
  if (typeof node === 'string') return node;
  if (node.name === 'br') return '\n';
  return node.children.map(textContent).join('');
}

function find(el: El, test: (e: El) => boolean): El | undefined {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (test(c)) return c;
    const hit = find(c, test);
    if (hit) return hit;
  }
  return undefined;
}
