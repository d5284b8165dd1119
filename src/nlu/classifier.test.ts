import { beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../platform/paths.js';
import { createClassifier, type Classifier } from './classifier.js';
import { loadTrainingData } from './load-training-data.js';
import type { TrainingData } from './training-data.js';

let data: TrainingData;
let classifier: Classifier;

beforeAll(async () => {
  data = await loadTrainingData(fromRoot('city', 'palmas', 'nlu'));
  classifier = await createClassifier(data);
});

describe('the Palmas classifier', () => {
  it('has phrases for every service of the contract', () => {
    const services = data.intents.map((intent) => intent.serviceCode).filter((code) => code !== null).sort();
    expect(services).toEqual([
      'drenagem-bueiro', 'foco-dengue', 'iluminacao-publica', 'informacoes-gerais', 'lote-baldio', 'obra-irregular', 'ocupacao-calcada',
      'perturbacao-sossego', 'retirada-entulho', 'retirada-galhada', 'rocagem-limpeza', 'saude-orientacao', 'tapa-buraco',
    ]);
    for (const intent of data.intents) expect(intent.phrases.length, intent.intent).toBeGreaterThanOrEqual(15);
  });

  it.each(['oi', 'bom dia', 'boa tarde prefeitura', 'obrigado', 'vlw', 'kkkk', 'tudo bem?', 'quem é vc', '👍', ''])('answers null to %j', async (text) => {
    expect((await classifier.classify(text)).serviceCode).toBeNull();
  });

  it.each([
    ['tem um bueiro entupido aki na 104 sul pfv', 'drenagem-bueiro'],
    ['o posti ta apagadu faz 3 dia', 'iluminacao-publica'],
    ['BURACOOO na avenida', 'tapa-buraco'],
    ['muriçoca dmais aqui, cade o fumacê', 'foco-dengue'],
    ['vizinho c som alto td noite n consigo dormir', 'perturbacao-sossego'],
  ])('tolerates typos and chat spelling: %j', async (text, expected) => {
    expect((await classifier.classify(text)).serviceCode).toBe(expected);
  });

  it('names the non-service intent it recognised, for the conversation engine', async () => {
    expect((await classifier.classify('obrigada')).intent).toBe('thanks');
    expect((await classifier.classify('bom dia')).intent).toBe('greeting');
  });

  it('gives ranked alternatives and a confidence between 0 and 1', async () => {
    const result = await classifier.classify('árvore caiu e deixou galho e entulho na rua');
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.alternatives.length).toBeGreaterThan(0);
    expect(result.alternatives.every((alt) => alt.confidence <= result.confidence)).toBe(true);
  });

  it('is deterministic: a second training gives the same answers', async () => {
    const again = await createClassifier(data);
    for (const text of ['lote sujo com mato', 'onde tomo vacina', 'calçada tomada por mesas', 'qualquer coisa aleatória']) {
      expect(await again.classify(text)).toEqual(await classifier.classify(text));
    }
  });

  it('shows the menu (null) when not confident enough', async () => {
    const strict = await createClassifier(data, { threshold: 1.01 });
    const result = await strict.classify('buraco na rua');
    expect(result.serviceCode).toBeNull();
    expect(result.confidence).toBeGreaterThan(0.5);
  });
});
