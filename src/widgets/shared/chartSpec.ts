/** What a widget hands to <LazyChart>: plain numbers for drawing, text for the table and summary. */
export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
  /** A colour token from tokens.css, such as '--bad'. */
  color?: string;
}

export interface ChartMarker {
  x: number;
  label: string;
  color?: string;
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  markers?: ChartMarker[];
}

/** The same data as a table, for "show as table" and screen readers: already formatted text. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}
