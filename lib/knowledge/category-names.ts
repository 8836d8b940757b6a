/** How the known categories read to a person; their slugs stay the stored value. */
const NAMES: Readonly<Record<string, string>> = {
  behavioral: 'Behavioural',
  coding: 'Coding',
  'ml-theory': 'ML theory',
  'system-design': 'System design',
  mlops: 'MLOps',
  llm: 'LLMs',
  general: 'General',
};

/** "ml-theory" → "ML theory"; a category of the user's own ("data-engineering") → "Data engineering". */
export function categoryName(slug: string): string {
  if (Object.hasOwn(NAMES, slug)) return NAMES[slug]!;
  const words = slug.replace(/-+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : slug;
}

/**
 * What the user typed as a category, as its slug: a known category's name ("Behavioural",
 * "ML theory") or a slug gives that slug; other words are joined by dashes
 * ("Data engineering" → "data-engineering").
 */
export function categorySlug(text: string): string {
  const typed = text.trim();
  const known = Object.entries(NAMES).find(
    ([slug, name]) => name.toLowerCase() === typed.toLowerCase() || slug === typed.toLowerCase(),
  );
  return known ? known[0] : typed.toLowerCase().replace(/\s+/g, '-');
}
