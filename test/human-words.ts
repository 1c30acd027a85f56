/**
 * What a person must never read: a code of the model ("businessImpact", "waitingOnCustomer")
 * or a raw ISO timestamp ("2026-11-29T19:18:11.942Z"). Tests of every surface scan with this.
 */

const CAMEL_CASE = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;
const ISO_TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?!\d)/g;
/** "1 cases", "1 days": a plural after one. */
const WRONG_PLURAL = /(?<![\d.])\b1 (cases|days|hours|minutes|items|notifications|events|things|replies|updates)\b/g;

export type RawWords = { camelCase: string[]; isoTimestamps: string[]; isoDates: string[]; wrongPlurals: string[] };

/** Every raw code, ISO timestamp and wrong plural in the text; words the user typed may be allowed. */
export function rawWordsIn(text: string, allowed: readonly string[] = []): RawWords {
  const keep = (found: string[]) => found.filter((word) => !allowed.some((allow) => allow === word));
  return {
    camelCase: keep(text.match(CAMEL_CASE) ?? []),
    isoTimestamps: keep(text.match(ISO_TIMESTAMP) ?? []),
    isoDates: keep(text.match(ISO_DATE) ?? []),
    wrongPlurals: keep(text.match(WRONG_PLURAL) ?? []),
  };
}

/** An empty report, for `expect(rawWordsIn(text)).toEqual(NO_RAW_WORDS)`. */
export const NO_RAW_WORDS: RawWords = { camelCase: [], isoTimestamps: [], isoDates: [], wrongPlurals: [] };
