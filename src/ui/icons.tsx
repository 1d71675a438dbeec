import type { ReactNode, SVGProps } from 'react';

/**
 * Line icons drawn for ScaleLab on a 24-unit grid (no icon font, no emoji: the test machines
 * have no emoji font, and SVG stays crisp on a projector). Decorative: each is aria-hidden and
 * the button or node around it carries the name.
 */
export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };
export type Icon = (props: IconProps) => ReactNode;

/** The frame every ScaleLab icon is drawn in; other folders' icons use it too. */
export function SvgIcon({ size = 20, children, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

// Component types
export const ClientIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <circle cx="9" cy="8" r="3.2" />
    <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6" />
    <path d="M15.5 4.9a3.2 3.2 0 0 1 0 6.2" />
    <path d="M17.5 14.4c2 .8 3.5 2.9 3.5 5.6" />
  </SvgIcon>
);
export const LoadBalancerIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <circle cx="5" cy="12" r="2.2" />
    <path d="M7.2 12H20" />
    <path d="M7 11l4.5-5H20" />
    <path d="M7 13l4.5 5H20" />
    <path d="M17.5 3.5 20 6l-2.5 2.5M17.5 9.5 20 12l-2.5 2.5M17.5 15.5 20 18l-2.5 2.5" />
  </SvgIcon>
);
export const ServerIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <rect x="3" y="4" width="18" height="7" rx="2" />
    <rect x="3" y="13" width="18" height="7" rx="2" />
    <path d="M7 7.5h.01M7 16.5h.01M11 7.5h6M11 16.5h6" />
  </SvgIcon>
);
export const DatabaseIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <ellipse cx="12" cy="5.5" rx="8" ry="3" />
    <path d="M4 5.5v13c0 1.7 3.6 3 8 3s8-1.3 8-3v-13" />
    <path d="M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" />
  </SvgIcon>
);
export const CacheIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M13 2 4.5 13.5H11L10 22l8.5-11.5H12L13 2z" />
  </SvgIcon>
);
export const CdnIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18" />
    <path d="M12 3c2.4 2.5 3.6 5.5 3.6 9s-1.2 6.5-3.6 9c-2.4-2.5-3.6-5.5-3.6-9S9.6 5.5 12 3z" />
  </SvgIcon>
);
export const QueueIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <rect x="2.5" y="7" width="5" height="10" rx="1.2" />
    <rect x="9.5" y="7" width="5" height="10" rx="1.2" />
    <rect x="16.5" y="7" width="5" height="10" rx="1.2" />
  </SvgIcon>
);
export const WorkerPoolIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <rect x="6" y="6" width="12" height="12" rx="2" />
    <rect x="9.5" y="9.5" width="5" height="5" rx="0.8" />
    <path d="M9 2.5V6M15 2.5V6M9 18v3.5M15 18v3.5M2.5 9H6M2.5 15H6M18 9h3.5M18 15h3.5" />
  </SvgIcon>
);
export const SchedulerIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <circle cx="12" cy="13" r="8" />
    <path d="M12 9v4l2.8 2M9 2.5h6" />
  </SvgIcon>
);
export const MapReduceIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <circle cx="4.5" cy="12" r="2" />
    <circle cx="12" cy="5" r="2" />
    <circle cx="12" cy="19" r="2" />
    <circle cx="19.5" cy="12" r="2" />
    <path d="M6 10.6 10.5 6.4M6 13.4l4.5 4.2M13.5 6.4 18 10.6M13.5 17.6 18 13.4" />
  </SvgIcon>
);

// Commands
export const UndoIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </SvgIcon>
);
export const RedoIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </SvgIcon>
);
export const CopyIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <rect x="9" y="9" width="12" height="12" rx="2" />
    <path d="M5 15H4.5A1.5 1.5 0 0 1 3 13.5v-9A1.5 1.5 0 0 1 4.5 3h9A1.5 1.5 0 0 1 15 4.5V5" />
  </SvgIcon>
);
export const CutIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <circle cx="6" cy="6" r="3" />
    <circle cx="6" cy="18" r="3" />
    <path d="M20 4 8.1 15.9M14.5 14.5 20 20M8.1 8.1 12 12" />
  </SvgIcon>
);
export const PasteIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <rect x="8" y="2" width="8" height="4" rx="1" />
    <path d="M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2" />
  </SvgIcon>
);
export const DuplicateIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <rect x="8" y="8" width="13" height="13" rx="2" />
    <path d="M4 16a1.5 1.5 0 0 1-1-1.4V4.5A1.5 1.5 0 0 1 4.5 3h10.1A1.5 1.5 0 0 1 16 4M14.5 11.5v6M11.5 14.5h6" />
  </SvgIcon>
);
export const DeleteIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M3 6h18M8 6V4.5A1.5 1.5 0 0 1 9.5 3h5A1.5 1.5 0 0 1 16 4.5V6" />
    <path d="m5.5 6 1 14a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2l1-14M10 11v6M14 11v6" />
  </SvgIcon>
);
export const TidyIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <rect x="2.5" y="9.5" width="6" height="5" rx="1" />
    <rect x="15.5" y="3" width="6" height="5" rx="1" />
    <rect x="15.5" y="16" width="6" height="5" rx="1" />
    <path d="M8.5 12H12m0 0V5.5h3.5M12 12v6.5h3.5" />
  </SvgIcon>
);
export const FitViewIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
  </SvgIcon>
);
export const ZoomInIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M12 5v14M5 12h14" />
  </SvgIcon>
);
export const ZoomOutIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M5 12h14" />
  </SvgIcon>
);
export const HelpIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.3 9.2a2.8 2.8 0 0 1 5.4 1c0 1.9-2.7 2.5-2.7 4M12 17.3h.01" />
  </SvgIcon>
);
export const CloseIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M6 6l12 12M18 6 6 18" />
  </SvgIcon>
);
export const ChevronUpIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="m6 15 6-6 6 6" />
  </SvgIcon>
);
export const ChevronDownIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="m6 9 6 6 6-6" />
  </SvgIcon>
);
export const ChartIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M3 3v18h18" />
    <path d="m7 14 4-4 3 3 5-6" />
  </SvgIcon>
);
export const SelectAllIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M5 3h2M11 3h2M17 3h2M21 5v2M21 11v2M21 17v2M5 21h2M11 21h2M17 21h2M3 5v2M3 11v2M3 17v2" />
  </SvgIcon>
);
export const RenameIcon: Icon = (p) => (
  <SvgIcon {...p}>
    <path d="M12 20h9" />
    <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
  </SvgIcon>
);

/** The ScaleLab mark (same drawing as the favicon). */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--sl-brand)" />
      <path d="M7 22h4v-6H7zm7 0h4V11h-4zm7 0h4V7h-4z" fill="#fff" />
    </svg>
  );
}
