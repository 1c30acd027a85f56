import { describe, expect, it } from 'vitest';
import { count, plural } from '../../../src-shared/words';
import { NO_RAW_WORDS, rawWordsIn } from '../../human-words';

describe('plurals', () => {
  it.each([
    [0, '0 cases'],
    [1, '1 case'],
    [2, '2 cases'],
    [21, '21 cases'],
  ])('%s is "%s"', (n, text) => {
    expect(count(n, 'case')).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(count(1, 'reply', 'replies')).toBe('1 reply');
    expect(count(3, 'reply', 'replies')).toBe('3 replies');
    expect(plural('day', 1)).toBe('day');
  });
});

describe('the raw-words scanner used by the surface tests', () => {
  it('finds codes, ISO timestamps and wrong plurals', () => {
    const found = rawWordsIn('Escalated (businessImpact) since 2026-11-29T19:18:11.942Z; 1 cases; due 2026-11-30');
    expect(found.camelCase).toEqual(['businessImpact']);
    expect(found.isoTimestamps).toEqual(['2026-11-29T19:18:11.942Z']);
    expect(found.isoDates).toEqual(['2026-11-29', '2026-11-30']);
    expect(found.wrongPlurals).toEqual(['1 cases']);
  });

  it('passes human text', () => {
    expect(rawWordsIn('Escalated to senior engineering for business impact on Mon 30 Nov, 10:00 CET; 1 case, 11 cases, 2.1 days')).toEqual(NO_RAW_WORDS);
  });
});
