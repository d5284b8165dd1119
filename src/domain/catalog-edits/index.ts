export { editServiceText, type EditServiceTextError, type ServiceTextChange } from './edit-service-text.js';
export { addTrainingPhrase, PHRASE_MAX, removeTrainingPhrase, type EditPhraseError, type PhraseChange } from './edit-training-phrases.js';
export { LiveCatalog, markCatalogChanged, type LiveCatalogOptions } from './live-catalog.js';
export { editableServices, intentPhrases, type EditableService, type IntentPhrases, type ServiceTextEntry } from './views.js';
