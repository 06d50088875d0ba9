/**
 * The chart renderer's document in Node (and tests): a fresh linkedom
 * document. Browsers pass `() => document.implementation.createHTMLDocument()`
 * instead, so the core never needs this module.
 */
import { parseHTML } from 'linkedom';
import type { CreateDocument } from './types.js';

/** A {@link CreateDocument} backed by linkedom. */
export const linkedomDocument: CreateDocument = () =>
  parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
