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
