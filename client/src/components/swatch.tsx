import { classNames } from '@client/lib/class-names.js';
import type { LegendShape } from '@client/lib/feature.js';
import './swatch.css';

interface Props {
  colour: string;
  shape?: LegendShape;
  className?: string;
}

/** A colour key drawn as the map draws the symbol: a dot, a ring, a shaded area, a dashed outline. */
export function Swatch({ colour, shape = 'dot', className }: Props) {
  return (
    <span
      aria-hidden
      className={classNames('swatch', `swatch-${shape}`, className)}
      style={{ ['--swatch' as string]: colour }}
    />
  );
}
