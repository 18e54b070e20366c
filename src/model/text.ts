import type { Lang, LocalizedText } from './types.js';

/** Picks the text for a language, falling back to English, then to any given text, then `fallback`. */
export function pickText(text: LocalizedText | undefined, lang: Lang, fallback = ''): string {
  if (!text) return fallback;
  return text[lang] ?? text.en ?? Object.values(text).find(Boolean) ?? fallback;
}
