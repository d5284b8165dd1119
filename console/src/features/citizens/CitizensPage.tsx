import { CitizenRecordPage } from './CitizenRecordPage';
import { CitizenSearch } from './CitizenSearch';
import './citizens.css';

export const CITIZENS_ROOT = '/cidadaos';

/** /cidadaos (search) and /cidadaos/<key> (one citizen). */
export const CitizensPage = ({ path }: { path: string }) => {
  const key = path.slice(CITIZENS_ROOT.length + 1);
  return key ? <CitizenRecordPage key={key} citizenKey={decodeURIComponent(key)} /> : <CitizenSearch />;
};
