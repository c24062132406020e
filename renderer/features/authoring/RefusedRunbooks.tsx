import { useCall } from '../../useCall';
import { href } from '../../useRoute';

/**
 * Files in the provider's runbooks folder that Holdfast could not load, each a link that opens
 * it in the editor with its problems, so it can be fixed without another program.
 */
export function RefusedRunbooks() {
  const [refused] = useCall('runbooks.refused', {});
  if (refused.status !== 'ready' || refused.value.length === 0) return null;
  return (
    <section aria-labelledby="refused-title">
      <h2 id="refused-title">Runbooks that could not be loaded</h2>
      <p>Nobody can use these until they are fixed.</p>
      <ul>
        {refused.value.map((file) => {
          const errors = file.problems.filter((problem) => problem.severity === 'error').length;
          return (
            <li key={file.file}>
              <a href={href.fixRunbook(file.file)}>
                {file.title ?? file.file}: has problems — open to fix
              </a>{' '}
              ({file.file}
              {errors > 0 ? `, ${errors} ${errors === 1 ? 'problem' : 'problems'}` : ''})
            </li>
          );
        })}
      </ul>
    </section>
  );
}
