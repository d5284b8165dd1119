/** The few parts of @nlpjs (which ships no types) that the classifier uses. */
declare module '@nlpjs/core' {
  export interface NlpjsContainer {
    use(plugin: unknown): void;
    register(name: string, instance: object): void;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  }
  export const containerBootstrap: () => NlpjsContainer;
}

declare module '@nlpjs/nlp' {
  import type { NlpjsContainer } from '@nlpjs/core';

  export interface NlpjsClassification {
    intent: string;
    score: number;
  }

  export class Nlp {
    constructor(settings: Record<string, unknown>, container: NlpjsContainer);
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    classify(locale: string, utterance: string): Promise<{ classifications: NlpjsClassification[] }>;
  }
}

declare module '@nlpjs/lang-pt' {
  export const LangPt: unknown;
  /** Snowball-style Portuguese stemmer ("alvaras" → "alvar"); expects lower case. */
  export class StemmerPt {
    stem(word: string): string;
  }
}
