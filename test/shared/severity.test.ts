import { DEFAULT_SEVERITY, SEVERITY_INFO, caseEventSchema, severityRank } from '../../src-shared/domain';

describe('severity', () => {
  it('a request logged without a severity is P3 Medium', () => {
    expect(DEFAULT_SEVERITY).toBe('P3');
    expect(SEVERITY_INFO[DEFAULT_SEVERITY].label).toBe('P3 Medium');
  });

  it('P1 is the most severe and P4 the least', () => {
    expect(severityRank('P1')).toBeLessThan(severityRank('P2'));
    expect(severityRank('P3')).toBeLessThan(severityRank('P4'));
  });
});

describe('case events', () => {
  it('rejects an escalation with an unknown trigger and names the field', () => {
    const result = caseEventSchema.safeParse({
      id: 'RD-1#2', seq: 2, at: '2026-11-26T10:00:00Z', recordedAt: '2026-11-26T10:00:00Z', actor: 'ana',
      type: 'escalated', data: { trigger: 'boredom', level: 'management', justification: '' },
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues[0]?.path)).toContain('trigger');
  });

  it('rejects a local time without Z', () => {
    const result = caseEventSchema.safeParse({
      id: 'RD-1#1', seq: 1, at: '2026-11-26T10:00:00', recordedAt: '2026-11-26T10:00:00Z', actor: 'ana',
      type: 'noteAdded', data: { text: 'x' },
    });
    expect(result.success).toBe(false);
  });
});
