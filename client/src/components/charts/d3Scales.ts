/**
 * The d3 scales Recharts may build for our charts, in place of all of d3-scale: Recharts looks
 * its scales up by name in `import * as d3Scales from 'victory-vendor/d3-scale'`, so a bundler
 * keeps every scale (time, log, quantile...) and what they import. client/vite.config.ts points
 * that import here. Numeric axes take "linear" (our time axes too: days are ms, ticks and labels
 * come from timeAxis.ts); category axes "band" or "point". A scale named in a chart but missing
 * here would silently fall back to "point": d3Scales.test.ts checks every `scale=` in client/src.
 */
export { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
