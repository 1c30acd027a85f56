import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hostDataTransfer, httpDataTransfer, type DataTransfer } from '../../src-renderer/api';
import { DataSection } from '../../src-renderer/features/data';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import type { DataExport, DataImport, DataImported } from '../../src-shared/contract';
import { createFakeDesk } from './fake-desk';

const PAGE = 'http://127.0.0.1:4000/abc/';
const imported: DataImported = {
  kind: 'imported',
  summary: { cases: 712, reviews: 40, calendars: 3, plans: 2 },
  backup: '/data/backups/2026-11-26-before-import-20261126T100000000Z',
  message: 'Imported 712 cases, 40 reviews, settings and 3 calendars; previous data backed up as /data/backups/2026-11-26-before-import-20261126T100000000Z.',
};

function renderData(transfer: (desk: ReturnType<typeof createFakeDesk>['desk']) => DataTransfer, answers: { exported?: DataExport; imported?: DataImport } = {}) {
  const fake = createFakeDesk({
    'cases.list': () => ({ ok: true, value: [] }),
    'reviews.deadlines': () => ({ ok: true, value: [] }),
    'system.info': () => ({ ok: true, value: { version: 't', host: 'browser', dataDir: '/data', storage: { corrupt: [], migrated: [] } } }),
    'data.export': () => ({ ok: true, value: answers.exported ?? { kind: 'cancelled' } }),
    'data.import': () => ({ ok: true, value: answers.imported ?? { kind: 'cancelled' } }),
  });
  const stores = createDeskStores(fake.desk, createNowStore(Date.now()));
  render(
    <DeskProvider stores={stores}>
      <DataSection transfer={transfer(fake.desk)} />
    </DeskProvider>,
  );
  return { fake };
}

/** The browser host's HTTP answers, recorded. */
function fakeHttp(answer: (url: string, init?: RequestInit) => Response) {
  const requests: Array<{ url: string; method: string; body: unknown }> = [];
  const downloads: Array<{ fileName: string; text: Promise<string> }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body });
    return answer(String(input), init);
  };
  const transfer = () => httpDataTransfer({ base: PAGE, fetch: fetch as typeof globalThis.fetch, download: (fileName, content) => downloads.push({ fileName, text: content.text() }) });
  return { requests, downloads, transfer };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const exportFile = () => new File(['{"format":"response-desk.bundle"}'], 'all.json', { type: 'application/json' });

describe('the Data section in the browser', () => {
  it('downloads the export the host streams, under its file name, and says what it holds', async () => {
    const user = userEvent.setup();
    const http = fakeHttp(() =>
      json(200, { format: 'response-desk.bundle' }, { 'Content-Disposition': 'attachment; filename="response-desk-export-2026-11-26.json"', 'X-Response-Desk-Summary': '{"cases":2,"reviews":1,"calendars":1,"plans":2}' }),
    );
    renderData(http.transfer);
    await user.click(screen.getByRole('button', { name: 'Export all data' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Exported 2 cases, 1 review, settings and 1 calendar to response-desk-export-2026-11-26.json.');
    expect(http.requests).toEqual([{ url: 'http://127.0.0.1:4000/abc/data/export', method: 'GET', body: undefined }]);
    expect(http.downloads.map((d) => d.fileName)).toEqual(['response-desk-export-2026-11-26.json']);
    expect(await http.downloads[0].text).toBe('{"format":"response-desk.bundle"}');
  });

  it('shows the refusal of an export, naming what could not be read, and downloads nothing', async () => {
    const user = userEvent.setup();
    const message = 'The export was refused, so that no incomplete file is written: history/2026-11.001.json could not be read.';
    const http = fakeHttp(() => json(500, { ok: false, error: { code: 'STORAGE', message } }));
    renderData(http.transfer);
    await user.click(screen.getByRole('button', { name: 'Export all data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(http.downloads).toEqual([]);
  });

  it('uploads a file only after the engineer confirms replacing all data, then says what was imported and reloads', async () => {
    const user = userEvent.setup();
    const http = fakeHttp(() => json(200, { ok: true, value: imported }));
    const { fake } = renderData(http.transfer);
    const file = exportFile();
    await user.upload(screen.getByLabelText('Import file'), file);
    expect(await screen.findByText(/Replace all data \(cases, reviews, settings, calendars and snoozes\) with all.json\?/)).toBeInTheDocument();
    expect(http.requests).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByRole('status')).toHaveTextContent(imported.message);
    expect(http.requests).toEqual([{ url: 'http://127.0.0.1:4000/abc/data/import', method: 'POST', body: file }]);
    expect(fake.calls.filter((call) => call.name === 'cases.list')).toHaveLength(1);
  });

  it('shows the host error naming what is wrong with the file', async () => {
    const user = userEvent.setup();
    const message = 'The import file is invalid: cases[3] (RD-01001): case id is not canonical; it is written RD-1001.';
    renderData(fakeHttp(() => json(400, { ok: false, error: { code: 'INVALID_INPUT', message } })).transfer);
    await user.upload(screen.getByLabelText('Import file'), exportFile());
    await user.click(await screen.findByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
  });

  it('refuses a file over the limit before sending it', async () => {
    const user = userEvent.setup();
    const http = fakeHttp(() => json(200, { ok: true, value: imported }));
    renderData(http.transfer);
    const huge = exportFile();
    Object.defineProperty(huge, 'size', { value: 300 * 1024 * 1024 });
    await user.upload(screen.getByLabelText('Import file'), huge);
    await user.click(await screen.findByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('all.json is 300 MiB, over the import limit of 256 MiB.');
    expect(http.requests).toEqual([]);
  });
});

describe('the Data section in Electron', () => {
  it('says where the main process saved the export', async () => {
    const user = userEvent.setup();
    const saved: DataExport = { kind: 'saved', path: '/home/ana/all.json', summary: imported.summary, message: 'Exported 712 cases, 40 reviews, settings and 3 calendars to /home/ana/all.json.' };
    const { fake } = renderData(hostDataTransfer, { exported: saved });
    await user.click(screen.getByRole('button', { name: 'Export all data' }));
    expect(await screen.findByRole('status')).toHaveTextContent(saved.message);
    expect(fake.calls.find((call) => call.name === 'data.export')?.input).toEqual({});
  });

  it('confirms first, then lets the host ask for the file and import it', async () => {
    const user = userEvent.setup();
    const { fake } = renderData(hostDataTransfer, { imported });
    await user.click(screen.getByRole('button', { name: 'Import data' }));
    expect(screen.getByText(/with an export file you choose next\?/)).toBeInTheDocument();
    expect(fake.calls.some((call) => call.name === 'data.import')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Replace all data' }));
    expect(await screen.findByRole('status')).toHaveTextContent(imported.message);
    expect(fake.calls.find((call) => call.name === 'data.import')?.input).toEqual({});
  });

  it('says nothing when the engineer cancels the dialog', async () => {
    const user = userEvent.setup();
    const { fake } = renderData(hostDataTransfer, { imported: { kind: 'cancelled' } });
    await user.click(screen.getByRole('button', { name: 'Import data' }));
    await user.click(screen.getByRole('button', { name: 'Replace all data' }));
    expect(fake.calls.some((call) => call.name === 'data.import')).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
