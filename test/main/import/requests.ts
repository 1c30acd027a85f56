import { join } from 'node:path';
import type { ServiceDeskImportRequest } from '../../../src-main/core/import';

/** The service desk exports under test/fixtures/import. */
export const FIXTURES = join(__dirname, '../../fixtures/import');
export const fixture = (name: string) => ({ path: join(FIXTURES, name), name });

/** An import of Zendesk tickets and audits: Acme Corp on Premium, everyone else on Standard. */
export const zendesk = (files = [fixture('zendesk-tickets.json'), fixture('zendesk-audits.json')]): ServiceDeskImportRequest => ({
  source: 'zendesk',
  files,
  mapping: { defaultPlan: 'standard', planRules: [{ customer: 'Acme Corp', plan: 'premium' }] },
});

/** An import of a Jira Service Management CSV export, its times read in Berlin. */
export const jsm = (files = [fixture('jsm-export.csv')]): ServiceDeskImportRequest => ({
  source: 'jsm',
  files,
  mapping: { defaultPlan: 'standard', planRules: [{ customer: 'Acme Corp', plan: 'premium' }], priorities: { 'Sev 1': 'P1' } },
  timeZone: 'Europe/Berlin',
});
