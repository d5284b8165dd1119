export {
  addClosure,
  asExtraClosure,
  closuresForCalendar,
  MAX_CLOSURE_DAYS,
  MAX_REASON,
  removeClosure,
  upcomingClosures,
  type Closure,
  type ClosureErrorCode,
  type NewClosureInput,
} from './closures.js';
