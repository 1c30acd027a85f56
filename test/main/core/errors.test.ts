import { ERROR_CODES, ERROR_CODE_MEANINGS, type DeskHandlers } from '../../../src-shared/contract';
import { CaseFoldError } from '../../../src-shared/domain';
import { PolicyError } from '../../../src-shared/sla';
import { dispatch } from '../../../src-main/core/dispatch';
import { DeskFailure, STORE_ERRORS, SYSTEM_ERROR_ROWS, startFailureLine, systemErrorSentence, toDeskError } from '../../../src-main/core/errors';
import { StorageDamageError, StoreError, type StoreErrorCode } from '../../../src-main/core/storage';

function systemError(code: string, path = '/data/active/.RD-1001.json.1.tmp'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, open '${path}'`), { code, errno: -1, syscall: 'open', path });
}

describe('one table maps what a handler throws to the contract', () => {
  it('has a sentence a person can act on for every contract code', () => {
    for (const code of ERROR_CODES) expect(ERROR_CODE_MEANINGS[code]).toMatch(/^[A-Z].{20,}\.$/);
  });

  it('passes a DeskFailure through with its own code, message and issues', () => {
    const failure = new DeskFailure('CONFLICT', 'The review changed meanwhile.', [{ path: 'baseVersion', message: 'is 3' }]);
    expect(toDeskError(failure, 'reviews.save')).toEqual({ error: { code: 'CONFLICT', message: 'The review changed meanwhile.', issues: [{ path: 'baseVersion', message: 'is 3' }] }, defect: false });
  });

  it.each(Object.entries(STORE_ERRORS) as Array<[StoreErrorCode, string]>)('maps the store’s %s to %s, keeping its sentence', (storeCode, contractCode) => {
    const mapped = toDeskError(new StoreError(storeCode, 'Case RD-1001 already exists; ids are never reused.'), 'cases.create');
    expect(mapped).toEqual({ error: { code: contractCode, message: 'Case RD-1001 already exists; ids are never reused.' }, defect: false });
  });

  it('maps a damaged part of the data to STORAGE, naming the file', () => {
    const mapped = toDeskError(new StorageDamageError('history/2026-11.001.json', 'is not valid JSON'), 'data.export');
    expect(mapped.error.code).toBe('STORAGE');
    expect(mapped.error.message).toMatch(/^history\/2026-11\.001\.json cannot be read: is not valid JSON\./);
  });

  it.each(Object.keys(SYSTEM_ERROR_ROWS))('maps the system’s %s to STORAGE with its sentence and the file', (code) => {
    const mapped = toDeskError(systemError(code), 'cases.act');
    expect(mapped).toEqual({ error: { code: 'STORAGE', message: `${systemErrorSentence(code)} (${code} on /data/active/.RD-1001.json.1.tmp)` }, defect: false });
    expect(systemErrorSentence(code)).toMatch(/^[A-Z].{20,}\.$/);
  });

  it('says that only a write lost its change', () => {
    expect(systemErrorSentence('EROFS')).toMatch(/: the change was not saved\./);
    expect(systemErrorSentence('EIO')).not.toMatch(/not saved/);
  });

  it('says a full disk in words', () => {
    expect(toDeskError(systemError('ENOSPC'), 'cases.act').error.message).toMatch(/^The disk is full: the change was not saved\. Free some space and try again\./);
  });

  it('maps a policy that cannot serve a case (unknown plan or calendar) to INVALID_INPUT', () => {
    const mapped = toDeskError(new PolicyError('unknownPlan', 'plan "gold" is not in the policy (known: standard, premium)'), 'cases.create');
    expect(mapped).toEqual({ error: { code: 'INVALID_INPUT', message: 'The policy cannot serve this: plan "gold" is not in the policy (known: standard, premium).' }, defect: false });
  });

  it('maps a stored timeline that does not fold to STORAGE', () => {
    expect(toDeskError(new CaseFoldError('the first event must be "logged", got "closed"'), 'cases.get').error.code).toBe('STORAGE');
  });

  it('maps anything else to INTERNAL, a defect, with a short message', () => {
    const mapped = toDeskError(new TypeError(`x is ${'y'.repeat(100_000)}`), 'cases.list');
    expect(mapped.defect).toBe(true);
    expect(mapped.error.code).toBe('INTERNAL');
    expect(mapped.error.message.length).toBeLessThan(400);
    expect(mapped.error.message).toMatch(/^Something went wrong inside Response Desk; the details are in its log\. \(cases\.list: x is y+… \(\d+ more characters\)\)$/);
  });

  it('keeps a huge file name out of a STORAGE message', () => {
    expect(toDeskError(systemError('ENAMETOOLONG', `/data/active/RD-${'1'.repeat(100_000)}.json`), 'cases.get').error.message.length).toBeLessThan(500);
  });
});

describe('dispatch', () => {
  const handlersThrowing = (error: unknown) => ({ 'cases.list': async () => Promise.reject(error) }) as unknown as DeskHandlers;

  it('answers STORAGE for a full disk and logs it as one short line, without a stack', async () => {
    const lines: string[] = [];
    const log = { warn: (message: string) => lines.push(message), error: (message: string, error: unknown) => lines.push(`${message} ${String(error)}`) };
    const result = await dispatch(handlersThrowing(systemError('ENOSPC')), 'cases.list', {}, log);
    expect(result).toEqual({ ok: false, error: { code: 'STORAGE', message: expect.stringMatching(/^The disk is full/) } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\n/);
  });

  it('logs a defect with its stack, but never more than a few kilobytes, whatever the error carries', async () => {
    const logged: string[] = [];
    const log = { warn: (message: string) => logged.push(message), error: (message: string, error: unknown) => logged.push(`${message} ${String(error)}`) };
    const result = await dispatch(handlersThrowing(new Error(`bad id ${'9'.repeat(100_000)}`)), 'cases.list', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged.join('\n')).toMatch(/ at /);
    expect(logged.join('\n').length).toBeLessThan(4096);
  });
});

describe('a start on a broken data folder', () => {
  it('is one line naming the folder and what to do', () => {
    const line = startFailureLine(systemError('EROFS', '/mnt/ro/desk/journal/000000000001.wal'), '/mnt/ro/desk');
    expect(line).toBe(
      'cannot open the data folder /mnt/ro/desk: The data folder is on a read-only disk. Make the disk writable, or start with another data folder (--data-dir). (EROFS on /mnt/ro/desk/journal/000000000001.wal)',
    );
    expect(startFailureLine(new Error('a defect'), '/d')).toBeUndefined();
  });
});
