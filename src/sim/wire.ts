/**
 * Small schema pieces shared by the files that travel (results, saves, share links), in
 * zod's mini build: the game page's JavaScript budget is tight.
 */
import * as z from 'zod/mini';

export const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
export const hash16 = z.string().check(z.regex(/^[0-9a-f]{16}$/));
export const seedSchema = int(0, 2 ** 31 - 1);
export const difficultySchema = z.enum(['easy', 'normal', 'hard']);
export const levelRefSchema = z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)), hash: hash16 });
/** An action log: each entry is checked by the reducer when replayed, here only its shape. */
export const logSchema = z.array(z.looseObject({ type: z.string().check(z.maxLength(40)) })).check(z.maxLength(200_000));
