import { AlertIcon } from './icons.tsx';
import { useRun, useRunController } from './RunContext.tsx';

/** A run that failed in the worker: what happened, that the document is safe, and Restart. */
export function RunErrorBanner() {
  const controller = useRunController();
  const error = useRun((s) => s.error);
  if (!error) return null;
  return (
    <div className="sl-run-error" role="alert">
      <AlertIcon size={20} />
      <p className="sl-run-error__text">{error}</p>
      <button type="button" className="sl-button sl-button--label" onClick={() => void controller.restart()}>
        Restart
      </button>
    </div>
  );
}
