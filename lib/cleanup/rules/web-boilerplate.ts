import { examplesOf } from '../text-edits';
import { isBlank, splitLines, type TextLine } from '../text-lines';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';

/** A prose line: long, with sentences (a sentence mark followed by a space or the line end). */
const PROSE_MIN_LENGTH = 100;
/** Boilerplate is only trusted when a side holds at least this many non-blank lines. */
const MIN_BOILERPLATE_LINES = 5;
/** A line of front matter (title, author, epigraph, part or chapter heading) is at most this long. */
const MAX_TITLE_LENGTH = 100;
/** At most this many blocks of front matter are kept above the article. */
const MAX_FRONT_MATTER_BLOCKS = 6;

/**
 * For scraped web pages (paragraphs as long single lines): finds the article as the span from
 * the first to the last prose line and proposes dropping the navigation, language switchers,
 * subscribe links, counters and ads before and after it. A side is only dropped when it looks
 * like navigation: at least {@link MIN_BOILERPLATE_LINES} lines, mostly short and without
 * sentences, with a line only a web page has (menu words, link separators, an address, a
 * copyright), so a title or a closing source line of an ordinary text, or a book's title page
 * and contents, is never removed. The
 * front matter right above the article stays: the short blocks of one or two lines, each set apart
 * by blank lines (title, author, epigraph, part and chapter headings of a book saved as text). The
 * items of a menu are not set apart from each other, so a menu never passes for front matter.
 */
export function detectWebBoilerplate({ text }: CleanupInput): RuleProposal {
  const lines = splitLines(text);
  const prose = lines.map((line) => isProse(line.text));
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  const edits: TextEdit[] = [];
  const removedLines: string[] = [];
  if (first >= 0 && isWebText(lines)) {
    const head = lines.slice(0, first);
    const tail = lines.slice(last + 1);
    const headStart = lines[0];
    const article = lines[first];
    const front = frontMatterStart(head);
    const navigation = head.slice(0, front);
    if (headStart && article && isNavigation(navigation)) {
      edits.push({ start: 0, end: lines[front]?.start ?? article.start, replacement: '', ruleId: 'web-boilerplate' });
      for (const line of nonBlank(navigation)) removedLines.push(line);
    }
    const lastProse = lines[last];
    if (lastProse && isNavigation(tail)) {
      edits.push({ start: lastProse.end, end: text.length, replacement: '\n', ruleId: 'web-boilerplate' });
      for (const line of nonBlank(tail)) removedLines.push(line);
    }
  }
  return {
    ruleId: 'web-boilerplate',
    edits,
    count: removedLines.length,
    examples: examplesOf(text, edits, 2, 0).map((example) => ({ before: example.before.slice(0, 200), after: example.after.slice(0, 200) })),
    summaryValues: { count: removedLines.length },
    summary: removedLines.length === 0 ? 'no web boilerplate' : `${removedLines.length} boilerplate lines removed (menus, links, counters)`,
    data: { removedLines },
  };
}

function isProse(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < PROSE_MIN_LENGTH) return false;
  const sentences = trimmed.match(/[.!?;][”’"')\]]*(?:\s|$)/gu)?.length ?? 0;
  const letters = trimmed.match(/\p{L}/gu)?.length ?? 0;
  return sentences >= 1 && letters / trimmed.length > 0.6;
}

/** Scraped text keeps paragraphs on one line: most of its letters are in lines over 200 characters. */
function isWebText(lines: TextLine[]): boolean {
  let long = 0;
  let all = 0;
  for (const line of lines) {
    all += line.text.length;
    if (line.text.length > 200) long += line.text.length;
  }
  return all > 0 && long / all >= 0.5;
}

/**
 * A line only a web page has: a site's menu or footer words (in the library's main languages), a
 * link bar's separators, an address, a copyright or counter. A book's title page, contents and
 * part headings have none of them.
 */
const WEB_SIGNAL = new RegExp(
  [
    // Menu and footer words, whole (JavaScript's \b knows ASCII letters only: Cyrillic words are
    // bounded by letter lookarounds).
    '(?<![\\p{L}\\p{N}])(?:home|about(?: us)?|contacts?|subscribe|archive|search|log ?in|sign ?in|register|menu|share|print|click|e-?mail|top ?list|copyright|cookies?|privacy|forum|guestbook|links?|rss|главная|о нас|контакты|подписк\\p{L}*|архив|поиск|войти|регистрац\\p{L}*|меню|поделиться|ссылки|форум|гостевая|startseite|kontakt|suche|impressum|accueil|recherche|connexion)(?![\\p{L}\\p{N}])',
    // A link bar's separators standing alone (not guillemets around a title).
    '(?:^|\\s)[|»›](?:\\s|$)',
    'https?://|www\\.|\\.(?:com|org|net|ru)(?![\\p{L}\\p{N}])|\\(c\\)|©',
    // Language names run together in a switcher ("RussianEnglishFrench").
    '\\p{Ll}(?-i:English|Russian|French|German|Spanish)',
  ].join('|'),
  'iu',
);

/** A contents heading: what follows is a book's table of contents, however much it looks like a menu. */
const CONTENTS_HEADING = /^(?:contents|table of contents|содержание|оглавление|inhalt|inhaltsverzeichnis|table des matières|sommaire|índice|indice)$/iu;

/**
 * Navigation: enough lines, at least 70% of them short link-like lines without sentences, and
 * something only a web page has ({@link WEB_SIGNAL}) — never a book's contents.
 */
function isNavigation(lines: TextLine[]): boolean {
  const kept = lines.filter((line) => !isBlank(line.text));
  if (kept.length < MIN_BOILERPLATE_LINES) return false;
  if (kept.some((line) => CONTENTS_HEADING.test(line.text.trim())) || !kept.some((line) => WEB_SIGNAL.test(line.text))) return false;
  const linkLike = kept.filter((line) => {
    const trimmed = line.text.trim();
    return trimmed.length < 100 && !/[.?][”’"')]*\s+\p{Lu}\p{Ll}+\s\p{Ll}/u.test(trimmed);
  }).length;
  return linkLike / kept.length >= 0.7;
}

/**
 * Where the front matter begins in the lines before the article, or `head.length` when there is
 * none: the trailing blocks (runs of non-blank lines) of one or two short lines each, at most
 * {@link MAX_FRONT_MATTER_BLOCKS} of them, each set apart from what is above by a blank line. The
 * first block of the text is never front matter (a menu's first item would pass), nor is a block
 * of three lines or more (a menu's items follow each other without blank lines), nor one with a
 * line of a single word ("Home", "About": a menu whose items are set apart).
 */
function frontMatterStart(head: TextLine[]): number {
  let front = head.length;
  let end = head.length;
  for (let blocks = 0; blocks < MAX_FRONT_MATTER_BLOCKS; blocks++) {
    while (end > 0 && isBlank(head[end - 1]?.text ?? '')) end--;
    let start = end;
    while (start > 0 && !isBlank(head[start - 1]?.text ?? '')) start--;
    const block = head.slice(start, end).map((line) => line.text.trim());
    const isFrontMatter =
      start > 0 && block.length >= 1 && block.length <= 2 && block.every((line) => line.length <= MAX_TITLE_LENGTH && /\s/u.test(line));
    if (!isFrontMatter) break;
    front = start;
    end = start;
  }
  return front;
}

function nonBlank(lines: TextLine[]): string[] {
  return lines.filter((line) => !isBlank(line.text)).map((line) => line.text.trim());
}
