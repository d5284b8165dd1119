import { CitizenProfilePage } from './CitizenProfilePage';
import { CitizenSearchPage } from './CitizenSearchPage';
import { CITIZENS_ROOT } from './citizens-api';
import './citizens.css';

/** /cidadaos (the search) and /cidadaos/<key> (one citizen). */
export const CitizensPage = ({ path }: { path: string }) => {
  const key = path.slice(CITIZENS_ROOT.length + 1);
  return key ? <CitizenProfilePage key={key} citizenKey={decodeURIComponent(key)} /> : <CitizenSearchPage />;
};
