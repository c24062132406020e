import { DocumentPage } from '../../ui/DocumentPage';
import { useCall } from '../../useCall';
import { href } from '../../useRoute';
import { ExerciseBanner } from './ExerciseBanner';

/** The after-action report as a printable page; the banner is part of the document itself too. */
export function AfterActionReportView({ id }: { id: string }) {
  const [state, retry] = useCall('exercises.report', { id });
  return (
    <DocumentPage
      state={state}
      retry={retry}
      banner={<ExerciseBanner />}
      back={<a href={href.exercise(id)}>← Back to the exercise</a>}
    />
  );
}

/** A scenario's inject cards, for running the exercise on paper: one card a page when printed. */
export function InjectCardsView({ scenario }: { scenario: string }) {
  const [state, retry] = useCall('exercises.cards', { scenario });
  return (
    <DocumentPage
      state={state}
      retry={retry}
      className="inject-cards-page"
      banner={<ExerciseBanner />}
      back={<a href={href.exercises}>← Exercises</a>}
    />
  );
}
