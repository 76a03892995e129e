import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DealSchema } from '../../src/shared/records.ts';
import { EXPECTED_COLUMNS, ImportError, importCrmCsv, MAX_IMPORT_ROWS } from '../../src/store/imports.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/crm/${name}`, import.meta.url), 'utf8');

/** The ImportError a call throws (failing the test when it throws nothing, or something else). */
function importError(text: string): ImportError {
  try {
    importCrmCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('HubSpot deals export', () => {
  const text = fixture('hubspot-deals.csv');
  const result = importCrmCsv(text);

  it('is recognised, BOM and all', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(result.format).toBe('hubspot');
    expect(result.rows).toBe(7);
  });

  it('maps every named deal: ids, names, companies, contacts, domains and stages', () => {
    expect(result.deals).toEqual([
      {
        id: 'hubspot:18340211001',
        name: 'Northwind Freight - fleet telematics pilot',
        company: 'Northwind Freight',
        contacts: ['dana.whitfield@northwind-freight.example', 'lee.okafor@northwind-freight.example'],
        domains: ['northwind-freight.example'],
        stage: 'Appointment Scheduled',
      },
      {
        id: 'hubspot:18340211002',
        name: 'Halvorsen, Berg & Co - annual renewal',
        company: 'Halvorsen, Berg & Co',
        contacts: ['ingrid@halvorsenberg.example'],
        domains: ['halvorsenberg.example'],
        stage: 'Contract Sent',
      },
      // "Marta Quist" has no address: she contributes nothing.
      { id: 'hubspot:18340211003', name: 'Quist Bakeries - POS rollout', company: 'Quist Bakeries', contacts: [], stage: 'Qualified To Buy' },
      // A free-mail contact is kept; gmail.com is not the company's domain.
      { id: 'hubspot:18340211004', name: 'Tomasz W. - consulting retainer', contacts: ['tomasz.w.consulting@gmail.com'], stage: 'Presentation Scheduled' },
      {
        id: 'hubspot:18340211006',
        name: 'Orchard Lane Clinics - "Phase 2" expansion',
        company: 'Orchard Lane Clinics',
        contacts: ['sam@orchardlane.example', 'ria.das@orchardlane.example'],
        domains: ['orchardlane.example'],
        stage: 'Decision Maker Bought-In',
      },
      { id: 'hubspot:18340211007', name: 'Kestrel Analytics - data warehouse', company: 'Kestrel Analytics', contacts: [], stage: 'Closed Lost' },
    ]);
    for (const deal of result.deals) {
      expect(DealSchema.safeParse(deal).success).toBe(true);
      expect(deal.qualification).toBeUndefined();
    }
  });

  it('reports the row without a deal name, counting the header as row 1', () => {
    expect(result.skipped).toEqual([{ row: 6, reason: 'no deal name: the "Deal Name" cell is empty' }]);
  });

  it('reads older exports ("Deal ID"), semicolon-separated files and Excel’s "sep=" line', () => {
    const r = importCrmCsv('sep=;\nDeal ID;Deal Name;Deal Stage;Associated Company\n77;Pilot;Qualified To Buy;Acme Widgets;Other Co\n');
    expect(r.deals).toEqual([{ id: 'hubspot:77', name: 'Pilot', company: 'Acme Widgets', contacts: [], stage: 'Qualified To Buy' }]);
  });

  it('takes a deal link and clearly labelled qualification columns, and nothing else', () => {
    const r = importCrmCsv(
      'Record ID,Deal Name,Record URL,Budget confirmed,Need,Authority\n' +
        '5,Pilot,https://app.hubspot.com/contacts/123/record/0-3/5,Yes,no,\n' +
        '6,Trial,not a link,maybe,,\n',
    );
    expect(r.deals[0]).toMatchObject({ crmUrl: 'https://app.hubspot.com/contacts/123/record/0-3/5', qualification: { money: true, need: false } });
    expect(r.deals[0]!.qualification).not.toHaveProperty('authority');
    expect(r.deals[1]).not.toHaveProperty('crmUrl');
    expect(r.deals[1]).not.toHaveProperty('qualification');
  });
});

describe('Salesforce opportunity report', () => {
  const text = fixture('salesforce-opportunities.csv');
  const result = importCrmCsv(text);

  it('is recognised, CRLF and report footer and all', () => {
    expect(text).toContain('\r\n');
    expect(result.format).toBe('salesforce');
    expect(result.rows).toBe(6); // the footer lines are not rows
  });

  it('maps opportunities, one deal per opportunity with every contact role', () => {
    const [brightwater, fenwick, pioneer, tidewater, ...rest] = result.deals;
    expect(rest).toEqual([]);
    expect(brightwater).toEqual({
      // Reports give the 15-character id; the deal gets the 18-character one the API uses.
      id: 'salesforce:0065g00000AbCdEAAV',
      name: 'Brightwater - meter analytics',
      company: 'Brightwater Utilities',
      contacts: ['hana.sato@brightwater.example', 'omar.reyes@brightwater.example'],
      domains: ['brightwater.example'],
      stage: 'Proposal/Price Quote',
    });
    expect(fenwick).toEqual({
      id: 'salesforce:0065g00000FgHiJAAV',
      name: 'Fenwick - warehouse retrofit',
      company: 'Fenwick & Daughters, Ltd.',
      contacts: ['ada.fenwick@yahoo.com'],
      domains: ['fenwick-daughters.example'], // from the website, not from yahoo.com
      stage: 'Needs Analysis',
    });
    expect(pioneer).toEqual({ id: 'salesforce:0065g00000PqRsTAAV', name: 'Pioneer Rail - crew scheduling', company: 'Pioneer Rail Co-op', contacts: [], stage: 'Closed Won' });
    expect(tidewater).toMatchObject({
      name: 'Tidewater - fleet tracking renewal',
      company: 'Tidewater Marine',
      contacts: ['ben.ito@tidewater-marine.example'],
      domains: ['tidewater-marine.example'],
      stage: 'Negotiation/Review',
    });
    // No "Opportunity ID" on that row: a stable id from the name and account, the same on every import.
    expect(tidewater!.id).toMatch(/^salesforce:name-[0-9a-f]{16}$/);
    expect(importCrmCsv(text).deals[3]!.id).toBe(tidewater!.id);
  });

  it('reports the opportunity without a name', () => {
    expect(result.skipped).toEqual([{ row: 5, reason: 'no deal name: the "Opportunity Name" cell is empty' }]);
  });

  it('gives a Data Loader export (API names, 18-character ids) the same deal ids as the report', () => {
    const r = importCrmCsv('"Id","Name","StageName","AccountId"\n"0065g00000AbCdEAAV","Brightwater - meter analytics","Proposal/Price Quote","0015g00000XyZab"\n');
    expect(r.format).toBe('salesforce');
    expect(r.deals).toEqual([{ id: 'salesforce:0065g00000AbCdEAAV', name: 'Brightwater - meter analytics', contacts: [], stage: 'Proposal/Price Quote' }]);
  });

  it('skips the footer even when the name is the first column', () => {
    const r = importCrmCsv('"Opportunity Name","Account Name"\r\n"Renewal","Acme"\r\n""\r\n"Grand Totals (1 records)"\r\n"Generated By:  Jordan Lee  11/23/2026 10:00 AM"\r\n"Example Org"\r\n');
    expect(r.rows).toBe(1);
    expect(r.deals.map((d) => d.name)).toEqual(['Renewal']);
    expect(r.skipped).toEqual([]);
  });
});

describe('Pipedrive deals export', () => {
  const text = fixture('pipedrive-deals.csv');
  const result = importCrmCsv(text);

  it('is recognised', () => {
    expect(result.format).toBe('pipedrive');
    expect(result.rows).toBe(6);
  });

  it('maps deals: the contact person is a name, the addresses come from the person’s email columns', () => {
    expect(result.deals).toEqual([
      {
        id: 'pipedrive:42',
        name: 'Aalto Print - label printers',
        company: 'Aalto Print Oy',
        contacts: ['kaisa.aalto@aaltoprint.example'],
        domains: ['aaltoprint.example'],
        stage: 'Proposal Made',
      },
      {
        id: 'pipedrive:43',
        name: 'Marrow & Vine, catering contract',
        company: 'Marrow & Vine',
        contacts: ['leo@marrowvine.example', 'accounts@marrowvine.example', 'leo.marrow@outlook.com'],
        domains: ['marrowvine.example'],
        stage: 'Negotiations Started',
      },
      {
        id: 'pipedrive:45',
        name: 'Kettle Hill - supply renewal',
        company: 'Kettle Hill Farms',
        contacts: ['nora@kettlehill.example'],
        domains: ['kettlehill.example'],
        stage: 'Proposal Made',
      },
      { id: 'pipedrive:46', name: 'Brae Studio - website refresh', contacts: ['callum.brae@gmail.com'], stage: 'Qualified' },
      {
        id: 'pipedrive:47',
        name: 'Osprey Legal - document automation',
        company: 'Osprey Legal LLP',
        contacts: ['ruth.osprey@ospreylegal.example'],
        domains: ['ospreylegal.example'],
        stage: 'Demo Scheduled',
      },
    ]);
  });

  it('reports the deal without a title, and keeps counting rows past a cell that spans lines', () => {
    expect(result.skipped).toEqual([{ row: 4, reason: 'no deal name: the "Deal - Title" cell is empty' }]);
    const moved = importCrmCsv(text.replace('"45","Kettle Hill - supply renewal"', '"45",""'));
    expect(moved.skipped.map((s) => s.row)).toEqual([4, 5]);
    const after = importCrmCsv(text.replace('"47","Osprey Legal - document automation"', '"47",""'));
    expect(after.skipped.map((s) => s.row)).toEqual([4, 7]);
  });

  it('reports rows whose quotes are broken, and keeps the others', () => {
    const r = importCrmCsv('"Deal - ID","Deal - Title"\n"1","Fine"\n"2","Broken\n"3","Lost"\n"4","Also fine"\n"5","Never closed\n6,Gone\n');
    expect(r.deals.map((d) => d.id)).toEqual(['pipedrive:1', 'pipedrive:4']);
    expect(r.skipped).toEqual([
      { row: 3, reason: expect.stringMatching(/text after its closing quote/) },
      { row: 5, reason: expect.stringMatching(/quoted cell is never closed/) },
    ]);
  });
});

describe('files that cannot be imported', () => {
  it('names the columns each format expects when the format is unknown', () => {
    const e = importError(fixture('unknown.csv'));
    expect(e.code).toBe('unknown-format');
    expect(e.message).toContain('"Record ID", "First Name"'); // what the file has
    for (const { required } of Object.values(EXPECTED_COLUMNS)) for (const column of required) expect(e.message).toContain(`"${column}"`);
    expect(e.message).toMatch(/HubSpot[\s\S]*Salesforce[\s\S]*Pipedrive/);
    expect(e.message).toContain('"Deal ID"');
  });

  it.each(['', '   ', '\n\n\r\n', '\ufeff', '\ufeff\r\n'])('says an empty file is empty (%j)', (text) => {
    const e = importError(text);
    expect(e.code).toBe('empty');
    expect(e.message).toMatch(/empty/);
  });

  it.each([
    ['HubSpot', 'Record ID,Deal Name,Deal Stage\n'],
    ['Salesforce', '"Opportunity Name","Stage"\r\n""\r\n"Grand Totals (0 records)"\r\n'],
    ['Pipedrive', '\ufeff"Deal - ID","Deal - Title"\n\n\n'],
  ])('says a %s header with nothing under it has no deals', (_name, text) => {
    const e = importError(text);
    expect(e.code).toBe('no-deals');
    expect(e.message).toMatch(/header row but no deals/);
  });

  it('says why when no row could become a deal', () => {
    const e = importError('Record ID,Deal Name\n1,\n2,  \n');
    expect(e.code).toBe('no-deals');
    expect(e.message).toMatch(/None of the 2 rows/);
    expect(e.message).toContain('row 2: no deal name');
  });

  it('refuses binary data and spreadsheets that are not CSV', () => {
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    expect(importError(noise).code).toBe('binary');
    expect(importError('Record ID,Deal Name\n1,Pilot\u0000\n').code).toBe('binary');
    expect(importError('\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdJFIF\ufffd\ufffd\ufffd\ufffd').code).toBe('binary');
    const xlsx = importError('PK\u0003\u0004\u0014\u0000\u0006\u0000[Content_Types].xml');
    expect(xlsx.code).toBe('binary');
    expect(xlsx.message).toMatch(/Excel workbook/);
  });

  it(`takes ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows and refuses one more`, () => {
    const lines = (n: number) => ['Deal - ID,Deal - Title', ...Array.from({ length: n }, (_, i) => `${i},Deal ${i}`)].join('\n');
    expect(importCrmCsv(lines(MAX_IMPORT_ROWS)).deals).toHaveLength(MAX_IMPORT_ROWS);
    const e = importError(lines(MAX_IMPORT_ROWS + 1));
    expect(e.code).toBe('too-many-rows');
    expect(e.message).toContain('50,000');
  });
});

describe('any input', () => {
  const csvish = fc
    .array(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          'Record ID', 'Deal Name', 'Deal ID', 'Associated Contact', 'Opportunity Name', 'Opportunity ID', 'Account Name', 'Name', 'StageName',
          'Deal - Title', 'Deal - ID', 'Person - Email', 'Website', 'Record URL', 'Need', 'sep=;', 'Grand Totals (3 records)',
          'Dana (dana@northwind.example)', 'x@gmail.com', 'https://acme.example', '0065g00000AbCdE', ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', '\ufeff', '\u0000', 'PK\u0003\u0004', '@', '😀',
        ),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('never throws anything but ImportError, and every deal it returns is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), csvish), (text) => {
        let result;
        try {
          result = importCrmCsv(text);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          expect(e.message.length).toBeGreaterThan(0);
          return;
        }
        expect(result.deals.length).toBeGreaterThan(0);
        for (const deal of result.deals) {
          expect(DealSchema.safeParse(deal).success).toBe(true);
          expect(deal.id.startsWith(`${result.format}:`)).toBe(true);
        }
        for (const s of result.skipped) expect(s.row).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 1000 },
    );
  });
});
