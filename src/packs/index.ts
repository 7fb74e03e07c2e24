// The built-in rule packs (JSON, validated against schemas/pack.schema.json when first used).
import formulations from './formulations.json';
import wording from './wording.json';
import templates from './templates.json';
import figures from './figures.json';

export const BUILTIN_PACKS: unknown[] = [formulations, wording, templates, figures];
