import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluationSetSchema, intentDataSchema, lexiconSchema, type EvaluationCase, type TrainingData } from './training-data.js';

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8')) as unknown;

/**
 * Reads a city's NLU directory: `intents/*.json` (one intent each: `{intent, serviceCode, phrases}`) and an
 * optional `lexicon.json` (`{synonyms}`). The only function of `nlu/` that touches the file system, so a
 * second city ships its own phrases by pointing at its own directory.
 */
export const loadTrainingData = async (dir: string): Promise<TrainingData> => {
  const intentsDir = join(dir, 'intents');
  const files = (await readdir(intentsDir)).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no intent files (*.json) in ${intentsDir}`);
  const intents = await Promise.all(files.map(async (name) => {
    const parsed = intentDataSchema.safeParse(await readJson(join(intentsDir, name)));
    if (!parsed.success) throw new Error(`invalid intent file ${join(intentsDir, name)}: ${parsed.error.message}`);
    return parsed.data;
  }));
  const seen = new Set<string>();
  for (const { intent } of intents) {
    if (seen.has(intent)) throw new Error(`intent "${intent}" is defined twice in ${intentsDir}`);
    seen.add(intent);
  }
  const lexiconRaw = await readJson(join(dir, 'lexicon.json')).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return {};
    throw error;
  });
  return { locale: 'pt', intents, lexicon: lexiconSchema.parse(lexiconRaw) };
};

/** Reads `evaluation.json` (`{cases: [{text, expected}]}`) from a city's NLU directory. */
export const loadEvaluationSet = async (dir: string): Promise<EvaluationCase[]> =>
  evaluationSetSchema.parse(await readJson(join(dir, 'evaluation.json'))).cases;
