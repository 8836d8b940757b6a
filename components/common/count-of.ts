/** "1 question", "2 questions", "0 questions". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A share (0…1) as a whole percentage: "48 %". */
export const percentOf = (share: number) => `${Math.round(share * 100)} %`;
