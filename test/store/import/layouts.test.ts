import { expect } from '@open-wc/testing';
import { createMemoryRepository } from '../../../src/store/memory-repository.js';
import { notImported } from '../../../src/store/import/plan.js';
import {
  BITRIX_EN,
  BITRIX_ES,
  HUBSPOT_EN,
  HUBSPOT_ES,
  MONDAY_EN,
  MONDAY_ES,
  ODOO_EN,
  ODOO_ES,
  PIPEDRIVE_EN,
  PIPEDRIVE_ES,
  SALESFORCE_EN,
  SALESFORCE_ES,
  ZOHO_EN,
  ZOHO_ES,
  boardPipeline,
  mapOf,
} from './fixtures.js';

// Each CRM's export, in English and Spanish, recognised and mapped column by column: every
// field the deal has is filled, every other column is listed as not imported.

async function pipeline() {
  return boardPipeline(createMemoryRepository());
}

describe('import: CRM layouts', () => {
  it('HubSpot (en): deal fields, stage values as written, "Date entered" columns as history', async () => {
    const p = await pipeline();
    const { scan, plan, deals, bad } = await mapOf(HUBSPOT_EN, p, {
      adjust: (plan) => {
        plan.stages['Appointment Scheduled'] = { kind: 'stage', stageId: 'lead' };
        plan.stages['Qualified To Buy'] = { kind: 'stage', stageId: 'qualified' };
      },
    });
    expect(scan.source).to.equal('hubspot');
    expect(Object.keys(plan.stages)).to.deep.equal([
      'Qualified To Buy',
      'Appointment Scheduled',
      'Closed Lost',
    ]);
    expect(plan.stages['Closed Lost']).to.deep.equal({ kind: 'lost' });
    expect(notImported(scan, plan)).to.deep.equal(['Pipeline']);
    expect(bad).to.deep.equal([]);
    expect(deals[0]).to.deep.include({
      sourceId: '9001',
      title: 'Acme renewal',
      amount: 12500.5,
      expectedClose: '2026-03-31',
      owner: 'Ana Ruiz',
      company: 'Acme',
      stageId: 'qualified',
      createdAt: Date.parse('2026-01-05T09:30:00Z'),
    });
    expect(deals[0]!.history).to.deep.equal([
      { stageId: 'lead', at: Date.parse('2026-01-05T09:30:00Z') },
      { stageId: 'qualified', at: Date.parse('2026-01-20T11:00:00Z') },
    ]);
    // Lost from Qualified To Buy: in that stage, lost, with its reason and when.
    expect(deals[2]).to.deep.include({
      outcome: 'lost',
      lostReason: 'Budget cut',
      stageId: 'qualified',
    });
  });

  it('HubSpot (es): Spanish headers, decimal commas and day/month dates', async () => {
    const { scan, deals, bad } = await mapOf(HUBSPOT_ES, await pipeline(), { lang: 'es' });
    expect([scan.source, scan.delimiter]).to.deep.equal(['hubspot', ';']);
    expect(bad).to.deep.equal([]);
    expect(
      deals.map((d) => [d.title, d.amount, d.expectedClose, d.company, d.owner]),
    ).to.deep.equal([
      ['Ibérica anual', 12500, '2026-03-31', 'Compañía Ibérica', 'Marta Sanz'],
      ['Norte piloto', 1250.75, '2026-04-15', 'Norte SL', 'Pablo Díaz'],
    ]);
    expect(deals[1]!.outcome).to.equal('won');
  });

  it('Pipedrive (en): organization, contact person, close date, lost reason, created, last stage change', async () => {
    const { scan, plan, deals, bad } = await mapOf(PIPEDRIVE_EN, await pipeline(), {
      adjust: (plan) => {
        plan.stages['Proposal Made'] = { kind: 'stage', stageId: 'proposal' };
        plan.stages['Negotiations Started'] = { kind: 'stage', stageId: 'negotiation' };
      },
    });
    expect(scan.source).to.equal('pipedrive');
    expect(notImported(scan, plan)).to.deep.equal(['Deal - Label']);
    expect(bad).to.deep.equal([]);
    expect(deals[0]).to.deep.include({
      sourceId: '501',
      title: 'Website redesign',
      amount: 4500,
      currency: 'USD',
      company: 'Globex',
      contact: 'Hank Scorpio',
      owner: 'Sam Lee',
      expectedClose: '2026-05-30',
      stageId: 'proposal',
      createdAt: Date.parse('2026-01-03T10:00:00Z'),
    });
    expect(deals[0]!.history).to.deep.equal([
      { stageId: 'proposal', at: Date.parse('2026-02-14T09:00:00Z') },
    ]);
    expect(deals[1]).to.deep.include({ outcome: 'lost', lostReason: 'Too expensive' });
  });

  it('Pipedrive (es)', async () => {
    const { scan, deals, bad, questions } = await mapOf(PIPEDRIVE_ES, await pipeline(), {
      lang: 'es',
      adjust: (plan) => (plan.dates[11] = 'dmy'),
    });
    expect(questions.map((q) => q.header)).to.deep.equal(['Negocio - Negocio creado']);
    expect(scan.source).to.equal('pipedrive');
    expect(bad).to.deep.equal([]);
    expect(deals[0]).to.deep.include({
      title: 'Reforma web',
      amount: 4500,
      company: 'Talleres Gómez',
      contact: 'Rosa Gómez',
      owner: 'Iván Mora',
      expectedClose: '2026-05-30',
      // "Propuesta" is the board's Proposal in Spanish.
      stageId: 'proposal',
      outcome: 'open',
    });
  });

  it('Salesforce (en): the amount keeps its own currency, the owner is kept, dates are month/day', async () => {
    const { scan, plan, deals, bad } = await mapOf(SALESFORCE_EN, await pipeline());
    expect(scan.source).to.equal('salesforce');
    expect(notImported(scan, plan)).to.deep.equal(['Probability (%)', 'Fiscal Period']);
    expect(bad).to.deep.equal([]);
    expect(deals.map((d) => [d.amount, d.currency, d.owner, d.expectedClose])).to.deep.equal([
      [12000, 'USD', 'Jane Smith', '2026-04-23'],
      [270000, 'USD', 'Jane Smith', '2026-12-05'],
    ]);
    expect(deals[1]!.company).to.equal('United Oil & Gas Corp.');
  });

  it('Salesforce (es)', async () => {
    const { scan, deals, bad } = await mapOf(SALESFORCE_ES, await pipeline(), { lang: 'es' });
    expect(scan.source).to.equal('salesforce');
    expect(bad).to.deep.equal([]);
    expect(deals[0]).to.deep.include({
      sourceId: '0061',
      title: 'Generadores Levante',
      company: 'Levante SA',
      amount: 12000,
      currency: 'EUR',
      owner: 'Lucía Prieto',
      expectedClose: '2026-04-23',
    });
  });

  it('Zoho (es and en): "Nombre de Trato" is the title', async () => {
    const es = await mapOf(ZOHO_ES, await pipeline(), { lang: 'es' });
    expect(es.scan.source).to.equal('zoho');
    expect(es.bad).to.deep.equal([]);
    expect(es.deals[0]).to.deep.include({
      title: 'Licencias 2026',
      company: 'Datos Sur',
      contact: 'Elena Ríos',
      amount: 9800,
      owner: 'Óscar Vidal',
      expectedClose: '2026-06-30',
    });
    const en = await mapOf(ZOHO_EN, await pipeline());
    expect(en.scan.source).to.equal('zoho');
    expect(en.deals[0]).to.deep.include({ title: 'Annual licences', owner: 'Oscar Vidal' });
  });

  it('Bitrix24 (es and en): "Fecha de cierre prevista" is the expected close date', async () => {
    const es = await mapOf(BITRIX_ES, await pipeline(), {
      lang: 'es',
      adjust: (plan, scan) => (plan.dates[scan.headers.indexOf('Creado')] = 'dmy'),
    });
    expect(es.scan.source).to.equal('bitrix24');
    // One created date, 02/01/2026: day/month or month/day cannot be told; it is asked.
    expect(es.questions.map((q) => [q.header, q.example])).to.deep.equal([
      ['Creado', '02/01/2026'],
    ]);
    expect(es.bad).to.deep.equal([]);
    expect(es.deals[0]).to.deep.include({
      title: 'Instalación solar',
      amount: 15000,
      owner: 'Nuria Vega',
      expectedClose: '2026-02-28',
      company: 'Solar Este',
      contact: 'Andrés Peña',
      createdAt: Date.parse('2026-01-02T00:00:00Z'),
    });
    const en = await mapOf(BITRIX_EN, await pipeline(), {
      adjust: (plan, scan) => (plan.dates[scan.headers.indexOf('Created')] = 'mdy'),
    });
    expect(en.scan.source).to.equal('bitrix24');
    expect(en.deals[0]).to.deep.include({ expectedClose: '2026-02-28', amount: 15000 });
    expect(en.deals[0]!.createdAt).to.equal(Date.parse('2026-01-02T00:00:00Z'));
  });

  it('Odoo (en and es): the opportunity is the title, the expected revenue the amount', async () => {
    const en = await mapOf(ODOO_EN, await pipeline());
    expect(en.scan.source).to.equal('odoo');
    expect(notImported(en.scan, en.plan)).to.deep.equal(['Tags']);
    expect(en.deals[0]).to.deep.include({
      sourceId: '__export__.crm_lead_12',
      title: 'Office furniture',
      company: 'Deco Addict',
      contact: 'Douglas Fletcher',
      amount: 19800,
      owner: 'Mitchell Admin',
      expectedClose: '2026-03-15',
    });
    const es = await mapOf(ODOO_ES, await pipeline(), {
      lang: 'es',
      adjust: (plan, scan) => (plan.dates[scan.headers.indexOf('Creado el')] = 'dmy'),
    });
    expect(es.scan.source).to.equal('odoo');
    expect(es.questions.map((q) => q.header)).to.deep.equal(['Creado el']);
    expect(es.deals[0]).to.deep.include({
      title: 'Mobiliario oficina',
      amount: 19800,
      stageId: 'proposal',
    });
  });

  it('monday.com (en and es): the header found below the board name, lines numbered as in the sheet', async () => {
    const en = await mapOf(MONDAY_EN, await pipeline());
    expect([en.scan.source, en.scan.headerLine]).to.deep.equal(['monday', 3]);
    expect(en.rows.map((r) => r.line)).to.deep.equal([4]);
    expect(en.deals[0]).to.deep.include({
      title: 'Fleet tracking',
      amount: 24000,
      owner: 'Kim Park',
      contact: 'Lee Chan',
      company: 'Movers Inc',
      sourceId: '1234567890',
      stageId: 'proposal',
    });
    const es = await mapOf(MONDAY_ES, await pipeline(), {
      lang: 'es',
      adjust: (plan) => (plan.dates[4] = 'dmy'),
    });
    expect(es.scan.source).to.equal('monday');
    expect(es.questions.map((q) => q.options)).to.deep.equal([['dmy', 'mdy']]);
    expect(es.deals[0]).to.deep.include({
      title: 'Flota GPS',
      amount: 24000,
      expectedClose: '2026-07-01',
    });
  });
});
