/**
 * The column layouts of CRM exports, in English and Spanish: which header means which deal
 * field, and which headers give away which CRM the file comes from. Learned from each CRM's
 * documented field names; a header no alias matches is shown as "not imported". Pure.
 */

/** `Deal Name`, `deal_name`, `Nombre del négocio` → `deal name`, `nombre del negocio`. */
export const normalizeHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** What a column can fill. */
export type ImportField =
  | 'title'
  | 'company'
  | 'contact'
  | 'amount'
  | 'currency'
  | 'owner'
  | 'expectedClose'
  | 'createdAt'
  | 'lostReason'
  | 'notes'
  | 'sourceId'
  | 'stage'
  | 'outcome'
  /** When the deal entered the stage it is in now (Pipedrive's "Last stage change"). */
  | 'stageChangedAt'
  /** The stage before the current one, and when the deal left it ("Etapa anterior"). */
  | 'previousStage'
  | 'changedAt'
  | 'wonAt'
  | 'lostAt';

/** A column's use: a field, the date a deal entered a named stage (HubSpot), or nothing. */
export type ColumnUse = ImportField | `entered:${string}`;

export const IMPORT_FIELDS: readonly ImportField[] = [
  'title',
  'company',
  'contact',
  'amount',
  'currency',
  'owner',
  'expectedClose',
  'createdAt',
  'lostReason',
  'notes',
  'sourceId',
  'stage',
  'outcome',
  'stageChangedAt',
  'previousStage',
  'changedAt',
  'wonAt',
  'lostAt',
];

/** Fields whose cells are dates or instants. */
export const DATE_FIELDS: ReadonlySet<ImportField> = new Set([
  'expectedClose',
  'createdAt',
  'stageChangedAt',
  'changedAt',
  'wonAt',
  'lostAt',
]);

/** Headers per field, normalised (`normalizeHeader`), without a "Deal - " prefix. */
export const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  title: [
    'title',
    'deal title',
    'deal name',
    'opportunity name',
    'name',
    'deal',
    'titulo',
    'nombre',
    'nombre del negocio',
    'nombre de la oportunidad',
    'nombre de trato',
    'nombre del trato',
    'nombre de la negociacion',
    'negocio',
    'trato',
  ],
  company: [
    'company',
    'organization',
    'organisation',
    'organization name',
    'company name',
    'associated company',
    'account',
    'account name',
    'accounts',
    'customer',
    'empresa',
    'organizacion',
    'compania',
    'cliente',
    'cuenta',
    'cuentas',
    'nombre de la cuenta',
    'nombre de cuenta',
    'nombre de la organizacion',
    'empresa asociada',
  ],
  contact: [
    'contact',
    'contact person',
    'contact name',
    'person',
    'associated contact',
    'contacts',
    'primary contact',
    'contacto',
    'contactos',
    'persona de contacto',
    'nombre de contacto',
    'nombre del contacto',
    'contacto asociado',
    'person name',
    'persona nombre',
  ],
  amount: [
    'amount',
    'value',
    'deal value',
    'deal amount',
    'revenue',
    'expected revenue',
    'income',
    'importe',
    'valor',
    'monto',
    'cantidad',
    'valor del trato',
    'valor del negocio',
    'ingreso',
    'ingreso esperado',
    'ingresos esperados',
  ],
  currency: [
    'currency',
    'amount currency',
    'currency of value',
    'deal currency',
    'currency code',
    'opportunity currency',
    'moneda',
    'divisa',
    'divisa del importe',
    'moneda del importe',
    'divisa de la oportunidad',
  ],
  owner: [
    'owner',
    'deal owner',
    'opportunity owner',
    'owner name',
    'assigned to',
    'sales rep',
    'salesperson',
    'responsible',
    'responsible person',
    'responsable',
    'persona responsable',
    'propietario',
    'propietario del negocio',
    'propietario de oportunidad',
    'propietario de la oportunidad',
    'propietario de trato',
    'propietario del trato',
    'comercial',
    'vendedor',
  ],
  expectedClose: [
    'expected close date',
    'close date',
    'expected close',
    'closing date',
    'expected closing',
    'fecha prevista de cierre',
    'fecha de cierre prevista',
    'fecha de cierre',
    'fecha de cierre esperada',
    'cierre previsto',
    'cierre esperado',
    'fecha cierre',
  ],
  createdAt: [
    'created',
    'create date',
    'created date',
    'deal created',
    'created at',
    'created on',
    'created time',
    'creation log',
    'date created',
    'add time',
    'fecha de creacion',
    'creado',
    'creada',
    'creado el',
    'negocio creado',
    'hora de creacion',
  ],
  lostReason: [
    'lost reason',
    'reason lost',
    'closed lost reason',
    'reason for loss',
    'loss reason',
    'motivo de perdida',
    'motivo de la perdida',
    'razon de perdida',
    'motivo perdida',
    'motivo de perdida del negocio',
    'motivo de cierre perdido',
  ],
  notes: [
    'notes',
    'note',
    'description',
    'deal description',
    'comment',
    'comments',
    'internal notes',
    'notas',
    'nota',
    'descripcion',
    'descripcion del negocio',
    'comentario',
    'comentarios',
    'notas internas',
  ],
  sourceId: [
    'id',
    'record id',
    'deal id',
    'opportunity id',
    'item id',
    'external id',
    'id de registro',
    'id del registro',
    'id del negocio',
    'id de oportunidad',
    'id de la oportunidad',
    'id del elemento',
    'id del trato',
    'identificador',
  ],
  stage: [
    'stage',
    'deal stage',
    'pipeline stage',
    'stage name',
    'etapa',
    'fase',
    'etapa del negocio',
    'etapa del trato',
    'etapa de la oportunidad',
  ],
  outcome: ['status', 'outcome', 'deal status', 'estado', 'resultado'],
  stageChangedAt: [
    'last stage change',
    'stage change date',
    'stage changed',
    'ultimo cambio de etapa',
    'fecha del ultimo cambio de etapa',
  ],
  previousStage: ['previous stage', 'etapa anterior', 'fase anterior'],
  changedAt: ['change date', 'date changed', 'stage change', 'fecha de cambio', 'fecha del cambio'],
  wonAt: ['won time', 'won date', 'date won', 'fecha de ganado', 'hora de ganado', 'ganado el'],
  lostAt: [
    'lost time',
    'lost date',
    'date lost',
    'fecha de perdida',
    'hora de perdida',
    'perdido el',
  ],
};

/** Where the file comes from: a CRM whose layout it has, or a spreadsheet of its own. */
export type SourceId =
  'pipedrive' | 'hubspot' | 'salesforce' | 'zoho' | 'bitrix24' | 'odoo' | 'monday' | 'spreadsheet';

export const SOURCE_NAMES: Readonly<Record<SourceId, string>> = {
  pipedrive: 'Pipedrive',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  zoho: 'Zoho CRM',
  bitrix24: 'Bitrix24',
  odoo: 'Odoo',
  monday: 'monday.com',
  spreadsheet: '',
};

/** Headers (normalised, prefix kept) that give away a CRM, in English and Spanish. */
const SIGNATURES: Readonly<Record<Exclude<SourceId, 'spreadsheet'>, readonly (string | RegExp)[]>> =
  {
    pipedrive: [
      /^(deal|negocio) (title|value|currency|organization|organizacion|contact person|persona de contacto|stage|etapa|owner|propietario|id|titulo|valor|moneda)$/,
      'contact person',
      'persona de contacto',
      'deal created',
      'negocio creado',
      'last stage change',
      'ultimo cambio de etapa',
      'won time',
      'lost time',
    ],
    hubspot: [
      'record id',
      'id de registro',
      'deal stage',
      'etapa del negocio',
      'associated company',
      'empresa asociada',
      'create date',
      /^date entered /,
      /^date exited /,
      /^fecha de entrada en /,
      'closed lost reason',
    ],
    salesforce: [
      'opportunity name',
      'opportunity owner',
      'opportunity id',
      'amount currency',
      'nombre de la oportunidad',
      'propietario de oportunidad',
      'propietario de la oportunidad',
      'divisa del importe',
      'id de oportunidad',
      'fiscal period',
      'periodo fiscal',
    ],
    zoho: [
      'deal owner',
      'closing date',
      'reason for loss',
      'created time',
      'nombre de trato',
      'propietario de trato',
      'hora de creacion',
      'nombre de cuenta',
      'nombre de contacto',
    ],
    bitrix24: [
      'responsible',
      'responsible person',
      'persona responsable',
      'nombre de la negociacion',
      'income',
      'ingreso',
      'fecha de cierre prevista',
    ],
    odoo: [
      'expected revenue',
      'salesperson',
      'expected closing',
      'ingreso esperado',
      'ingresos esperados',
      'cierre esperado',
      'comercial',
    ],
    monday: [
      'item id',
      'deal value',
      'deal stage',
      'creation log',
      'valor del trato',
      'etapa del trato',
      'id del elemento',
      'accounts',
      'contacts',
    ],
  };

/** "Deal - Title" → "title": Pipedrive names every column after its record. */
const PREFIX = /^\s*(deal|negocio|trato|oportunidad|opportunity)\s+-\s+/i;

/** A header normalised for matching; the record prefix of Pipedrive's columns dropped. */
export const headerKey = (h: string): string => normalizeHeader(h.replace(PREFIX, ''));

/** The stage a HubSpot-style "Date entered <stage>" column is about, as written. */
export function enteredStage(header: string): string | undefined {
  const m = /^\s*(?:date entered|fecha de entrada en|entr[oó] en|entered)\s+(.+)$/i.exec(header);
  if (!m) return undefined;
  // `"Appointment Scheduled (Sales Pipeline)"` → `Appointment Scheduled`.
  return m[1]!
    .trim()
    .replace(/^["'“«]|["'”»]$/g, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^["'“«]|["'”»]$/g, '')
    .trim();
}

/** The CRM whose layout `headers` has: the one with most of its signature headers, two at least. */
export function recognizeSource(headers: readonly string[]): SourceId {
  // Both with and without a record prefix: "Deal - Contact person" gives away Pipedrive.
  const keys = headers.flatMap((h) => [normalizeHeader(h), headerKey(h)]);
  let best: SourceId = 'spreadsheet';
  let bestScore = 1;
  for (const [source, signs] of Object.entries(SIGNATURES) as [SourceId, (string | RegExp)[]][]) {
    const score = signs.filter((s) =>
      keys.some((k) => (typeof s === 'string' ? k === s : s.test(k))),
    ).length;
    if (score > bestScore) [best, bestScore] = [source, score];
  }
  return best;
}

/** Headers that mean something else in one CRM's layout than in the others'. */
const SOURCE_ALIASES: Partial<Record<SourceId, Partial<Record<string, ImportField>>>> = {
  // Bitrix24 calls a deal's amount its "Opportunity"; Odoo calls the deal itself so.
  bitrix24: { opportunity: 'amount', oportunidad: 'amount' },
  odoo: { opportunity: 'title', oportunidad: 'title' },
};

/**
 * Each column's use, guessed from its header: at most one column per field (the first from the
 * left), HubSpot's "Date entered …" columns as stage entries, and `null` for the rest.
 */
export function guessColumns(headers: readonly string[], source: SourceId): (ColumnUse | null)[] {
  const used = new Set<ImportField>();
  const special = SOURCE_ALIASES[source] ?? {};
  return headers.map((h) => {
    const stage = enteredStage(h);
    if (stage) return `entered:${stage}` as const;
    const key = headerKey(h);
    const field =
      special[key] ?? IMPORT_FIELDS.find((f) => !used.has(f) && ALIASES[f].includes(key));
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}
