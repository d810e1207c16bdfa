/**
 * Join codes people can read aloud and type on a phone: no 0/O or 1/I/L confusion.
 * Takes a source of random integers so tests can pin it.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function makeJoinCode(randomInt: (max: number) => number, length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
