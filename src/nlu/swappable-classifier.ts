import type { Classification, Classifier } from './classifier.js';

/** A classifier whose model can be replaced while it is in use (after training phrases change). */
export interface SwappableClassifier extends Classifier {
  /** From the next call on, `next` answers; a classification already running finishes with the old one. */
  replace(next: Classifier): void;
}

export const swappableClassifier = (initial: Classifier): SwappableClassifier => {
  let current = initial;
  return {
    classify: (text: string): Promise<Classification> => current.classify(text),
    normalize: (text: string) => current.normalize(text),
    get threshold() {
      return current.threshold;
    },
    get trainingMs() {
      return current.trainingMs;
    },
    replace(next: Classifier) {
      current = next;
    },
  };
};
