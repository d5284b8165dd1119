import { Pill } from '../../ui/Pill';

/** The review pill: facts to confirm first, then an overdue review, else up to date. */
export const ReviewPill = ({ reviewNeeded, reviewDue }: { reviewNeeded: boolean; reviewDue: boolean }) => {
  if (reviewNeeded) return <Pill tone="warning">Precisa revisão</Pill>;
  if (reviewDue) return <Pill tone="danger">Revisão vencida</Pill>;
  return <Pill tone="success">Em dia</Pill>;
};
