import { type IconProps as Props, SvgIcon as Svg } from '../ui/icons.tsx';

/** File icons on the same 24-unit grid and stroke as src/ui/icons.tsx. Decorative. */

/** A page with a folded corner: the file the menu works with. */
export const FileIcon = (p: Props) => (
  <Svg {...p}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5" />
  </Svg>
);

/** An arrow down into a tray: save to a file. */
export const ExportIcon = (p: Props) => (
  <Svg {...p}>
    <path d="M12 3v12" />
    <path d="m7 10 5 5 5-5" />
    <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
  </Svg>
);

/** An arrow up out of a tray: open a file. */
export const ImportIcon = (p: Props) => (
  <Svg {...p}>
    <path d="M12 15V3" />
    <path d="m7 8 5-5 5 5" />
    <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
  </Svg>
);

/** A framed landscape: a picture of the canvas. */
export const ImageIcon = (p: Props) => (
  <Svg {...p}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="9.5" r="1.6" />
    <path d="m21 16-5-5-9 9" />
  </Svg>
);

/** A small table: the charts' data. */
export const TableIcon = (p: Props) => (
  <Svg {...p}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M3 10h18M3 15h18M9 10v10" />
  </Svg>
);
