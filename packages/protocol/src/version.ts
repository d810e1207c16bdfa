/** Bumped whenever a message changes shape in a way an older peer cannot read, or when new state appears that an older page would silently leave out (4: the speaking line, quiet moments, run of show and pulse checks). */
export const PROTOCOL_VERSION = 4;
