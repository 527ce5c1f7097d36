/** The props of the lazily loaded plots (components/charts/plots.tsx), kept apart so that the
 * chart components can name them without pulling Recharts into the first load. */

export type PlotSeries = { key: string; label: string; color: string };

export type RegionBarRow = { code: string; label: string; drillable: boolean } & Record<
  string,
  string | number | boolean
>;

export type BarRegionsPlotProps = {
  rows: RegionBarRow[];
  series: PlotSeries[];
  onSelect?: (code: string) => void;
  formatValue?: (value: number) => string;
  /** Each bar's total written at its end. */
  labels?: boolean;
};

/** One category (a region or a quarter) with a value per series; `code` makes a bar drillable. */
export type ComboRow = { label: string; code?: string; drillable?: boolean } & Record<
  string,
  string | number | boolean | null | undefined
>;

export type ComboPlotProps = {
  rows: ComboRow[];
  series: PlotSeries[];
  line?: PlotSeries;
  lineDetail?: (row: ComboRow) => string;
  diverging?: boolean;
  /** Bars side by side rather than stacked: figures that do not add up (means, counts compared). */
  grouped?: boolean;
  onSelect?: (code: string) => void;
  formatNumber: (value: number) => string;
  formatPercent: (value: number) => string;
};

export type HistogramRow = { label: string } & Record<string, string | number>;

export type HistogramPlotProps = { rows: HistogramRow[]; series: PlotSeries[] };

export type TrendRow = { label: string; value: number; target: number | null };

export type TrendPlotProps = {
  rows: TrendRow[];
  valueLabel: string;
  targetLabel: string;
  formatValue: (value: number) => string;
  current?: string;
};

export type RankedBarsPlotProps = {
  rows: Record<string, string | number | null>[];
  /** The field named on the category axis. */
  category: string;
  categoryWidth: number;
  series: PlotSeries[];
  /** A field drawn as text at the end of the first series' bars. */
  endLabel?: string;
  /** Whole numbers only on the value axis. */
  integers?: boolean;
  formatValue?: (value: number) => string;
};
