/** Half 1 of the seeded fuzz test (`fuzz.ts`). */
import {fuzz} from './fuzz';

fuzz(0);
