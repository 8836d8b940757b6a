import { readFileSync } from 'node:fs';
import { decodeWav } from '@/lib/dev/decode-wav';

export const readWav = (path: string) => decodeWav(readFileSync(path));
