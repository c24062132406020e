/**
 * App routes that the core hands out as well as the renderer: the core gives the projector's
 * route to the host (a second window) or back to the user (an address to open by hand), and the
 * renderer's router must read the same address. Plain strings, no imports: the renderer loads this.
 */

/** The route of an exercise's projector view: the current inject in large type, no navigation. */
export const exerciseProjectorRoute = (id: string): string =>
  `#/exercises/${encodeURIComponent(id)}/projector`;
