// turndown-plugin-gfm ships without types; only the tables rule is used.
declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const tables: TurndownService.Plugin;
}
