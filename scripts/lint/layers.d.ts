// Types for layers.js, which stays plain JavaScript so eslint.config.js can load it as it is.
import type { ESLint, Rule } from 'eslint';

export const LAYERS: Record<string, string[]>;
export const layersRule: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
