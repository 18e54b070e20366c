import { formatAmount } from '../../../model/format.js';
import { pickText } from '../../../model/format.js';
import type { Lang, Pipeline } from '../../../model/types.js';
import { mapRecord, pipelineAfter, resolvePlan } from '../../../store/import/map-rows.js';
import {
  notImported,
  stageValues,
  suggestPlan,
  type ImportPlan,
  type ImportScan,
} from '../../../store/import/plan.js';

/**
 * What the board's import step loads with the first file: the mapping, the report, the worker's
 * runner, the step's panel, and the preview of the first rows as they will be stored.
 */
export { renderImportStep } from '../panels/import-step.js';
export { importRunner } from '../../../store/import/import-runner.js';
export { skippedRowsCsv } from '../../../store/import/report.js';
export { IMPORT_FIELDS, SOURCE_NAMES } from '../../../store/import/layouts.js';
export { notImported, resolvePlan, suggestPlan };

/** The first rows as they will be stored: each cell as the board will show it, or the row's problem. */
export function previewRows(scan: ImportScan, plan: ImportPlan, pipeline: Pipeline, lang: Lang) {
  const resolved = resolvePlan(plan, scan.headers, pipeline, lang);
  const after = pipelineAfter(resolved);
  const stageName = new Map(after.stages.map((s) => [s.id, pickText(s.names, lang, s.name)]));
  return scan.sample.map((record) => {
    const row = mapRecord(resolved, record, after);
    const d = row?.deal;
    if (!d)
      return { line: record.line, problem: row?.problems.map((p) => p.message).join('; ') ?? '' };
    return {
      line: record.line,
      cells: [
        d.title,
        d.company ?? '',
        formatAmount(d.amount ?? 0, lang, d.currency ?? pipeline.currency),
        `${stageName.get(d.stageId ?? '') ?? ''}${d.outcome && d.outcome !== 'open' ? ` (${d.outcome})` : ''}`,
        d.expectedClose ?? '',
        d.owner ?? '',
      ],
    };
  });
}

/** How many rows hold each stage value of the file. */
export function stageCounts(scan: ImportScan, plan: ImportPlan): Map<string, number> {
  const counts = new Map<string, number>();
  plan.columns.forEach((use, i) => {
    if (use !== 'stage') return;
    for (const [v, n] of scan.stats[i]?.distinct ?? []) counts.set(v, n);
  });
  for (const v of stageValues(scan, plan.columns)) if (!counts.has(v)) counts.set(v, 0);
  return counts;
}
