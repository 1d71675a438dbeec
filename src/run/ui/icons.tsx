import { type IconProps as Props, SvgIcon as Svg } from '../../ui/icons.tsx';

/** Run-control icons on the same 24-unit grid and stroke as src/ui/icons.tsx. Decorative. */

export const PlayIcon = (p: Props) => (
  <Svg {...p}>
    <path
      d="M7 4.8v14.4a.8.8 0 0 0 1.2.7l11.4-7.2a.8.8 0 0 0 0-1.4L8.2 4.1a.8.8 0 0 0-1.2.7z"
      fill="currentColor"
    />
  </Svg>
);
export const PauseIcon = (p: Props) => (
  <Svg {...p}>
    <rect x="6" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
    <rect x="14" y="4.5" width="4" height="15" rx="1" fill="currentColor" />
  </Svg>
);
export const StepIcon = (p: Props) => (
  <Svg {...p}>
    <path d="M5 5.5v13l9-6.5z" />
    <path d="M18 5v14" />
  </Svg>
);
export const ResetIcon = (p: Props) => (
  <Svg {...p}>
    <path d="M4 12a8 8 0 1 0 2.4-5.7" />
    <path d="M4 4v4.5h4.5" />
  </Svg>
);
export const AlertIcon = (p: Props) => (
  <Svg {...p}>
    <path d="M12 3.5 2.8 19.5h18.4z" />
    <path d="M12 10v4.5" />
    <path d="M12 17.3v.2" />
  </Svg>
);
export const BoltIcon = (p: Props) => (
  <Svg {...p}>
    <path d="M13 2.5 5 13.5h6l-1 8 8-11h-6z" />
  </Svg>
);
