// The built-in rule packs (JSON, validated against schemas/pack.schema.json when first used).
import formulations from './formulations.json';
import wording from './wording.json';
import templates from './templates.json';
import figures from './figures.json';
import minedEnumerations from './mined-enumerations.json';

export const BUILTIN_PACKS: unknown[] = [formulations, wording, templates, figures, minedEnumerations];

/** The built-in packs by name, with their JSON types (core modules that read a built-in word list import these). */
export { formulations as formulationsPack, wording as wordingPack, templates as templatesPack, figures as figuresPack };
