import type { Lang } from '../../model/types.js';

/**
 * The texts only the export menu shows (`exportable`): loaded with the menu, so other charts do
 * not carry them (`strings.ts` has them all).
 */
export interface ExportStrings {
  exportMenu: string;
  /** The export's own code could not be fetched (offline, or a deploy removed it). */
  exportUnreachable: string;
  downloadSvg: string;
  downloadPng: string;
}

export const EXPORT_STRINGS: Record<Lang, ExportStrings> = {
  en: {
    exportMenu: 'Export',
    exportUnreachable: 'Export failed; retry.',
    downloadSvg: 'Download SVG',
    downloadPng: 'Download PNG',
  },
  es: {
    exportMenu: 'Exportar',
    exportUnreachable: 'Error al exportar; reintente.',
    downloadSvg: 'Descargar SVG',
    downloadPng: 'Descargar PNG',
  },
};
