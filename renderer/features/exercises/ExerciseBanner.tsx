import { EXERCISE_BANNER } from '../incidents/IncidentScreen';

/** On every exercise screen, top and bottom: nobody may mistake practice for a real incident. */
export function ExerciseBanner() {
  return <p className="exercise-banner">{EXERCISE_BANNER}</p>;
}
