import type { SalesRepository } from '../../../src/store/repository.js';
import { scanBytes, mapBytes } from '../../../src/store/import/run.js';
import type { Encoding } from '../../../src/store/import/decode.js';
import type { MappedRow } from '../../../src/store/import/map-rows.js';
import { suggestPlan, type ImportPlan, type ImportScan } from '../../../src/store/import/plan.js';
import type { Lang, Pipeline } from '../../../src/model/types.js';

/**
 * CRM exports written for these tests, in each CRM's column layout (headers as each CRM's
 * documentation names its fields, in English and Spanish), and helpers that run the two passes
 * of an import over them as the worker does.
 */

export const PIPELINE_ID = 'crm';

/** The board the exports go into: Lead, Qualified, Proposal, Negotiation. */
export async function boardPipeline(repo: SalesRepository, currency = 'EUR'): Promise<Pipeline> {
  return repo.ensurePipeline(PIPELINE_ID, {
    name: 'CRM',
    currency,
    stages: [
      { id: 'lead', name: 'Lead', names: { es: 'Contacto' } },
      { id: 'qualified', name: 'Qualified', names: { es: 'Cualificada' } },
      { id: 'proposal', name: 'Proposal', names: { es: 'Propuesta' } },
      { id: 'negotiation', name: 'Negotiation', names: { es: 'Negociación' } },
    ],
  });
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Bytes in pieces of `size`, as a file streams in (a piece may cut a record, a quote or a character). */
export function pieces(bytes: Uint8Array, size = 7): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

export const toBytes = (text: string | Uint8Array) =>
  typeof text === 'string' ? utf8(text) : text;

export async function scanOf(file: string | Uint8Array, encoding?: Encoding): Promise<ImportScan> {
  return scanBytes(pieces(toBytes(file)), encoding);
}

/** Scan, plan (with `adjust` applied), map: the rows as the mapping step would import them. */
export async function mapOf(
  file: string | Uint8Array,
  pipeline: Pipeline,
  options: {
    lang?: Lang;
    encoding?: Encoding;
    adjust?: (plan: ImportPlan, scan: ImportScan) => void;
  } = {},
) {
  const lang = options.lang ?? 'en';
  const scan = await scanBytes(pieces(toBytes(file), 13), options.encoding);
  const { plan, questions } = suggestPlan(scan, pipeline);
  options.adjust?.(plan, scan);
  const rows: MappedRow[] = [];
  await mapBytes(pieces(toBytes(file), 13), scan, plan, pipeline, lang, (r) => rows.push(...r));
  return {
    scan,
    plan,
    questions,
    rows,
    deals: rows.flatMap((r) => (r.deal ? [r.deal] : [])),
    bad: rows.filter((r) => r.problems.length),
  };
}

export const HUBSPOT_EN = [
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Owner,Associated Company,Closed Lost Reason,Pipeline,"Date entered ""Appointment Scheduled (Sales Pipeline)""","Date entered ""Qualified To Buy (Sales Pipeline)""","Date entered ""Closed Lost (Sales Pipeline)"""',
  '9001,Acme renewal,Qualified To Buy,12500.50,2026-03-31,2026-01-05 09:30,Ana Ruiz,Acme,,Sales Pipeline,2026-01-05 09:30,2026-01-20 11:00,',
  '9002,Bolt rollout,Appointment Scheduled,8000,2026-04-15,2026-02-01 10:00,Luis Gil,Bolt,,Sales Pipeline,2026-02-01 10:00,,',
  '9003,Core pilot,Closed Lost,3000,2026-02-28,2026-01-10 08:00,Ana Ruiz,Core,Budget cut,Sales Pipeline,2026-01-10 08:00,2026-01-15 08:00,2026-02-10 16:00',
].join('\r\n');

export const HUBSPOT_ES = [
  'ID de registro;Nombre del negocio;Etapa del negocio;Importe;Fecha de cierre;Fecha de creación;Propietario del negocio;Empresa asociada',
  '77;Ibérica anual;Cita programada;12.500,00;31/03/2026;05/01/2026;Marta Sanz;Compañía Ibérica',
  '78;Norte piloto;Cerrado ganado;1.250,75;15/04/2026;20/01/2026;Pablo Díaz;Norte SL',
].join('\r\n');

export const PIPEDRIVE_EN = [
  'Deal - ID,Deal - Title,Deal - Value,Deal - Currency,Deal - Organization,Deal - Contact person,Deal - Owner,Deal - Stage,Deal - Status,Deal - Expected close date,Deal - Lost reason,Deal - Deal created,Deal - Last stage change,Deal - Label',
  '501,Website redesign,4500,USD,Globex,Hank Scorpio,Sam Lee,Proposal Made,open,2026-05-30,,2026-01-03 10:00:00,2026-02-14 09:00:00,hot',
  '502,SEO retainer,1200,EUR,Initech,Bill Lumbergh,Sam Lee,Negotiations Started,lost,2026-03-01,Too expensive,2026-01-08 12:00:00,2026-02-01 15:30:00,',
].join('\n');

export const PIPEDRIVE_ES = [
  'Negocio - ID;Negocio - Título;Negocio - Valor;Negocio - Moneda;Negocio - Organización;Negocio - Persona de contacto;Negocio - Propietario;Negocio - Etapa;Negocio - Estado;Negocio - Fecha de cierre prevista;Negocio - Motivo de la pérdida;Negocio - Negocio creado',
  '9;Reforma web;4.500,00;EUR;Talleres Gómez;Rosa Gómez;Iván Mora;Propuesta;abierto;30/05/2026;;03/01/2026',
].join('\r\n');

export const SALESFORCE_EN = [
  '"Opportunity ID","Opportunity Name","Account Name","Stage","Amount","Amount Currency","Close Date","Opportunity Owner","Created Date","Probability (%)","Fiscal Period"',
  '"0065g00000AbCdE","Dickenson Mobile Generators","Dickenson plc","Prospecting","$12,000.00","USD","4/23/2026","Jane Smith","1/15/2026","10","Q2-2026"',
  '"0065g00000AbCdF","United Oil Installations","United Oil & Gas Corp.","Negotiation/Review","$270,000.00","USD","12/5/2026","Jane Smith","11/20/2025","90","Q4-2026"',
].join('\r\n');

export const SALESFORCE_ES = [
  'Id. de oportunidad;Nombre de la oportunidad;Nombre de la cuenta;Etapa;Importe;Divisa del importe;Fecha de cierre;Propietario de oportunidad;Fecha de creación',
  '0061;Generadores Levante;Levante SA;Prospección;12.000,00;EUR;23/04/2026;Lucía Prieto;15/01/2026',
].join('\r\n');

export const ZOHO_ES = [
  'Id. de registro,Nombre de Trato,Nombre de Cuenta,Nombre de Contacto,Fase,Importe,Moneda,Fecha de cierre,Propietario de Trato,Hora de creación,Motivo de la pérdida',
  'zcrm_1,Licencias 2026,Datos Sur,Elena Ríos,Calificación,"9.800,00",EUR,30/06/2026,Óscar Vidal,14/01/2026 10:15,',
].join('\r\n');

export const ZOHO_EN = [
  'Record Id,Deal Name,Account Name,Contact Name,Stage,Amount,Closing Date,Deal Owner,Created Time,Reason For Loss',
  'zcrm_2,Annual licences,Data North,Eli Rivers,Qualification,9800,2026-06-30,Oscar Vidal,2026-01-14 10:15:00,',
].join('\r\n');

export const BITRIX_ES = [
  'ID;Nombre de la negociación;Etapa;Ingreso;Moneda;Persona responsable;Fecha de cierre prevista;Compañía;Contacto;Creado',
  '301;Instalación solar;Preparación de documentos;15.000;EUR;Nuria Vega;28/02/2026;Solar Este;Andrés Peña;02/01/2026',
].join('\r\n');

export const BITRIX_EN = [
  'ID,Deal name,Stage,Income,Currency,Responsible person,Expected close date,Company,Contact,Created',
  '302,Solar install,Preparing documents,15000,EUR,Nuria Vega,02/28/2026,Solar East,Andrew Pena,01/02/2026',
].join('\r\n');

export const ODOO_EN = [
  'ID,Opportunity,Customer,Contact Name,Expected Revenue,Currency,Stage,Salesperson,Expected Closing,Created on,Lost Reason,Tags',
  '__export__.crm_lead_12,Office furniture,Deco Addict,Douglas Fletcher,19800.00,EUR,Proposition,Mitchell Admin,2026-03-15,2026-01-07 14:02:11,,Product',
].join('\n');

export const ODOO_ES = [
  'ID;Oportunidad;Cliente;Nombre del contacto;Ingreso esperado;Moneda;Etapa;Comercial;Cierre esperado;Creado el;Motivo de pérdida',
  '__export__.crm_lead_13;Mobiliario oficina;Deco Addict;Douglas Fletcher;19.800,00;EUR;Propuesta;Mitchell Admin;15/03/2026;07/01/2026 14:02;',
].join('\r\n');

/** monday.com's Excel export saved as CSV: the board's name first, a blank line, then the columns. */
export const MONDAY_EN = [
  'Deals,,,,,,,',
  ',,,,,,,',
  'Name,Deal Stage,Deal Value,Owner,Expected Close Date,Contacts,Accounts,Item ID',
  'Fleet tracking,Proposal,"24,000",Kim Park,2026-07-01,Lee Chan,Movers Inc,1234567890',
].join('\r\n');

export const MONDAY_ES = [
  'Nombre;Etapa del trato;Valor del trato;Propietario;Fecha de cierre prevista;Contactos;Cuentas;ID del elemento',
  'Flota GPS;Propuesta;24.000;Kim Park;01/07/2026;Lee Chan;Mudanzas SL;1234567891',
].join('\r\n');
