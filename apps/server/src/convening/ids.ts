import { randomBytes, randomInt } from 'node:crypto';
import { makeJoinCode } from '@brave/core';

/** Unguessable ids with a readable prefix (c_ convening, p_ person, s_ signal...). */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`;

export const newJoinCode = (): string => makeJoinCode(randomInt);
export const newCohostCode = (): string => randomBytes(12).toString('base64url');
