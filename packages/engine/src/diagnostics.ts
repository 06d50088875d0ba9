/**
 * Errors the engine reports to users. Every error has a stable `code`, a
 * one-line `message` that says what went wrong, where, and how to fix it,
 * and (when known) the source position.
 */
import type { SourcePos } from './ast.js';

/** Stable error codes; scripts and tests match on these. */
export type ErrorCode =
  | 'yaml-syntax'
  | 'schema'
  | 'unknown-key'
  | 'syntax'
  | 'undefined-name'
  | 'duplicate-name'
  | 'bad-lag'
  | 'unit-mismatch'
  | 'missing-dt'
  | 'file-not-found'
  | 'include-cycle'
  | 'no-convergence'
  | 'non-finite'
  | 'division-by-zero'
  | 'matrix-leak'
  | 'hidden-identity'
  | 'bad-shock'
  | 'bad-scenario'
  | 'bad-table'
  | 'bad-param'
  | 'bad-input'
  | 'codegen';

/** Formats a position as `file:line:col`. */
export function formatPos(pos: SourcePos | undefined): string {
  if (!pos) return '';
  return `${pos.file}:${pos.line}:${pos.col}`;
}

/**
 * The one error type the engine throws for anything a user can fix.
 * `message` starts with the position when there is one.
 */
export class EngineError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Where in the user's files, when known. */
  readonly pos: SourcePos | undefined;
  /** Extra structured detail (period, block variables, residuals, ...). */
  readonly detail: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, pos?: SourcePos, detail: Record<string, unknown> = {}) {
    super(pos ? `${formatPos(pos)}: ${message}` : message);
    this.name = 'EngineError';
    this.code = code;
    this.pos = pos;
    this.detail = detail;
  }
}

/** A non-fatal finding (e.g. an unused param). */
export interface Warning {
  code: 'unused-param' | 'scenario-non-driver' | 'unit-unknown';
  message: string;
  pos?: SourcePos;
}
