// No zod here: the renderer's first screen imports these words, and zod's schemas stay out of it.

/** Why an entry without a named person is refused: a log entry is evidence of who did what. */
export const AUTHOR_REQUIRED =
  'say who is recording: every log entry names the person who typed it, never anyone else';

/** The name the log gives the entries it writes about itself; nobody may type it as theirs. */
export const RESERVED_AUTHOR = 'Holdfast';

/** True when a typed name is the app's own (any case), which a person may not record under. */
export const isReservedAuthor = (name: string): boolean =>
  name.trim().toLowerCase() === RESERVED_AUTHOR.toLowerCase();
