import type { TrainingData } from './training-data.js';

/** A phrase taught in the console ('added') or one of the profile's phrases no longer taught ('removed'). */
export interface PhraseEdit {
  intent: string;
  phrase: string;
  change: 'added' | 'removed';
}

/** The profile's phrases with the console's changes; an edit for an intent the profile no longer has is ignored. */
export const applyPhraseEdits = (data: TrainingData, edits: readonly PhraseEdit[]): TrainingData => ({
  ...data,
  intents: data.intents.map((intent) => {
    const mine = edits.filter((edit) => edit.intent === intent.intent);
    const removed = new Set(mine.filter((e) => e.change === 'removed').map((e) => e.phrase));
    const kept = intent.phrases.filter((phrase) => !removed.has(phrase));
    const added = mine.filter((e) => e.change === 'added' && !kept.includes(e.phrase)).map((e) => e.phrase);
    return { ...intent, phrases: [...kept, ...added] };
  }),
});
