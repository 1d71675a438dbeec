import { CloseIcon } from '../../ui/icons.tsx';

export function PanelHeader({
  kicker,
  title,
  onClose,
  closeLabel,
}: {
  kicker: string;
  title: string;
  onClose(): void;
  closeLabel: string;
}) {
  return (
    <header className="sl-learn__header">
      <div>
        <p className="sl-learn__kicker">{kicker}</p>
        <h2 className="sl-learn__title">{title}</h2>
      </div>
      <button
        type="button"
        className="sl-button sl-button--icon"
        aria-label={closeLabel}
        data-tooltip={closeLabel}
        onClick={onClose}
      >
        <CloseIcon />
      </button>
    </header>
  );
}
