/**
 * What the elements' texts share. Each element's own strings live beside it (`strings.ts`:
 * `FUNNEL_STRINGS`, `PIPELINE_STRINGS`, `SIMULATOR_STRINGS`, `WORKSPACE_STRINGS`).
 */

/** Fills `{name}` placeholders; unknown ones are left as they are. */
export function t(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    key in params ? String(params[key]) : m,
  );
}
