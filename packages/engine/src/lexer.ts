/**
 * The lexer of the expression language (ENGINE.md §2).
 *
 * It turns text into tokens on demand (one at a time), so the parser reports
 * the first problem in reading order. Only ASCII can form a token: any other
 * character is an error at its exact position. Positions are absolute: the
 * caller gives the file position of `text[0]`, and line/column advance through
 * newlines in the text.
 */
import type { SourcePos } from './ast.js';
import { EngineError } from './diagnostics.js';

/** Punctuation and operator tokens, in the language's spelling. */
export type PunctText =
  | '+'
  | '-'
  | '*'
  | '/'
  | '^'
  | '('
  | ')'
  | '['
  | ']'
  | ','
  | '='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!=';

/** Words that are operators, never names. */
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

/** One token with the absolute position of its first character. */
export type Token =
  | { kind: 'num'; text: string; value: number; pos: SourcePos }
  | { kind: 'name'; text: string; pos: SourcePos }
  | { kind: 'keyword'; text: 'and' | 'or' | 'not'; pos: SourcePos }
  | { kind: 'punct'; text: PunctText; pos: SourcePos }
  | { kind: 'eof'; text: ''; pos: SourcePos };

/** Describes a token for error messages: `number '1.5'`, `name 'x'`, `'+'`, `end of input`. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'num':
      return `number '${t.text}'`;
    case 'name':
      return `name '${t.text}'`;
    case 'keyword':
    case 'punct':
      return `'${t.text}'`;
    case 'eof':
      return 'end of input';
  }
}

const TWO_CHAR_PUNCT: ReadonlySet<string> = new Set(['<=', '>=', '==', '!=']);
const ONE_CHAR_PUNCT: ReadonlySet<string> = new Set(['+', '-', '*', '/', '^', '(', ')', '[', ']', ',', '=', '<', '>']);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || isDigit(c);

/** Renders a character that cannot start a token, making invisible ones visible. */
function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = code > 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0xa0) && ch.trim() !== '';
  if (!printable) return hex;
  return code < 0x80 ? `'${ch}'` : `'${ch}' (${hex})`;
}

/** What a character the language does not use probably meant, if anything. */
function charHint(ch: string): string {
  switch (ch) {
    case '!':
      return "; use 'not' for negation or '!=' for 'not equal'";
    case '&':
      return "; use 'and'";
    case '|':
      return "; use 'or'";
    case '%':
      return '; write a percentage as a fraction (0.05) or divide by 100';
    case '#':
      return '; comments are not allowed inside an expression';
    case '"':
    case "'":
    case '`':
      return '; the language has no strings';
    case '{':
    case '}':
      return "; group with '(' and ')'";
    default:
      return '';
  }
}

/** A lexer over one piece of text; call {@link Lexer.next} until it returns `eof`. */
export class Lexer {
  private offset = 0;
  private line: number;
  private col: number;

  /** `origin` is the file position of `text[0]`. */
  constructor(
    private readonly text: string,
    private readonly origin: SourcePos,
  ) {
    this.line = origin.line;
    this.col = origin.col;
  }

  /** Reads the next token; throws `EngineError('syntax')` on a character or number the language does not allow. */
  next(): Token {
    this.skipWhitespace();
    const pos = this.here();
    const { text } = this;
    if (this.offset >= text.length) return { kind: 'eof', text: '', pos };
    const c = text.charCodeAt(this.offset);
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.offset + 1)))) return this.readNumber(pos);
    if (isNameStart(c)) return this.readName(pos);
    const two = text.slice(this.offset, this.offset + 2);
    if (TWO_CHAR_PUNCT.has(two)) {
      this.advance(2);
      return { kind: 'punct', text: two as PunctText, pos };
    }
    const one = text[this.offset]!;
    if (ONE_CHAR_PUNCT.has(one)) {
      this.advance(1);
      return { kind: 'punct', text: one as PunctText, pos };
    }
    const cp = text.codePointAt(this.offset) ?? c;
    const ch = String.fromCodePoint(cp);
    throw new EngineError('syntax', `unexpected character ${describeChar(ch)}${charHint(ch)}`, pos);
  }

  private here(): SourcePos {
    return { file: this.origin.file, line: this.line, col: this.col };
  }

  /** Advances over `n` characters that contain no newline. */
  private advance(n: number): void {
    this.offset += n;
    this.col += n;
  }

  /** The text from `start` up to and including the whole character at `last` (if any), for error messages. */
  private sliceThrough(start: number, last: number): string {
    const cp = this.text.codePointAt(last);
    const end = cp === undefined ? last : last + (cp > 0xffff ? 2 : 1);
    return this.text.slice(start, end);
  }

  private skipWhitespace(): void {
    const { text } = this;
    while (this.offset < text.length) {
      const c = text.charCodeAt(this.offset);
      if (c === 32 || c === 9) {
        this.advance(1);
      } else if (c === 10 || c === 13) {
        // "\r\n" counts as one line break, as do a lone "\n" or "\r".
        this.offset += c === 13 && text.charCodeAt(this.offset + 1) === 10 ? 2 : 1;
        this.line += 1;
        this.col = 1;
      } else {
        return;
      }
    }
  }

  private readNumber(pos: SourcePos): Token {
    const { text } = this;
    const start = this.offset;
    let i = start;
    while (isDigit(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46) {
      i++;
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      let j = i + 1;
      const sign = text.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (!isDigit(text.charCodeAt(j))) {
        const shown = this.sliceThrough(start, j);
        throw new EngineError(
          'syntax',
          `malformed number '${shown}': an exponent needs digits, e.g. 1e-3 or 2E+4`,
          pos,
        );
      }
      while (isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
    const literal = text.slice(start, i);
    if (isNameChar(text.charCodeAt(i)) || text.charCodeAt(i) === 46) {
      const shown = this.sliceThrough(start, i);
      throw new EngineError(
        'syntax',
        `malformed number '${shown}': a number cannot run into a letter or '.'; put an operator between them, e.g. 2 * x`,
        pos,
      );
    }
    const value = Number(literal);
    if (!Number.isFinite(value)) {
      throw new EngineError('syntax', `number '${literal}' is too large (the largest is about 1.8e308)`, pos);
    }
    this.advance(i - start);
    return { kind: 'num', text: literal, value, pos };
  }

  private readName(pos: SourcePos): Token {
    const { text } = this;
    const start = this.offset;
    let i = start;
    for (;;) {
      while (isNameChar(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 46) break;
      if (!isNameStart(text.charCodeAt(i + 1))) {
        const shown = this.sliceThrough(start, i + 1);
        throw new EngineError(
          'syntax',
          `malformed name '${shown}': each '.' in a name must be followed by a letter or '_', e.g. hh_pro.income`,
          pos,
        );
      }
      i++;
    }
    const word = text.slice(start, i);
    this.advance(i - start);
    if (KEYWORDS.has(word)) return { kind: 'keyword', text: word as 'and' | 'or' | 'not', pos };
    return { kind: 'name', text: word, pos };
  }
}
