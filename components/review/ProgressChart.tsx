import { categoryName } from '@/lib/knowledge/category-names';
import type { CategoryProgress } from '@/lib/drill/practice-progress';
import { countOf, percentOf } from '../common/count-of';

const WIDTH = 120;
const HEIGHT = 36;

const dayName = (day: number) => new Date(day).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** One small line per category: the share of key points covered, day by day (plain SVG). */
export function ProgressChart({ progress }: { progress: readonly CategoryProgress[] }) {
  if (progress.length === 0) {
    return (
      <p className="no-card">
        No practice yet: drills, and mock interviews with your microphone on, build this chart, one line per category.
      </p>
    );
  }
  return (
    <section className="progress" aria-label="Progress by category">
      <h3>Key points covered in your answers, by category</h3>
      <ul>
        {progress.map(({ category, points }) => {
          const step = points.length > 1 ? WIDTH / (points.length - 1) : 0;
          const xy = points.map(
            (point, i) =>
              [points.length > 1 ? i * step : WIDTH / 2, HEIGHT - 2 - point.coverage * (HEIGHT - 4)] as const,
          );
          const first = points[0]!;
          const last = points.at(-1)!;
          const summary = `${categoryName(category)}: ${percentOf(first.coverage)} on ${dayName(first.day)}${points.length > 1 ? `, ${percentOf(last.coverage)} on ${dayName(last.day)}` : ''}`;
          return (
            <li key={category} className="progress-row">
              <span className="progress-name">
                {categoryName(category)}
                {/* One day is no trend yet: say what the dot is, and that more practice draws the line. */}
                {points.length === 1 && (
                  <span className="card-meta progress-note">
                    {dayName(first.day)} only: practise on another day for a trend
                  </span>
                )}
              </span>
              <svg
                role="img"
                aria-label={summary}
                viewBox={`-3 0 ${WIDTH + 6} ${HEIGHT}`}
                width={WIDTH + 6}
                height={HEIGHT}
              >
                <line x1={0} x2={WIDTH} y1={HEIGHT - 2} y2={HEIGHT - 2} className="progress-axis" />
                <line x1={0} x2={0} y1={2} y2={HEIGHT - 2} className="progress-axis" />
                {xy.length === 1 && (
                  <line x1={0} x2={xy[0]![0]} y1={xy[0]![1]} y2={xy[0]![1]} className="progress-level" />
                )}
                {xy.length > 1 && (
                  <polyline points={xy.map(([x, y]) => `${x},${y}`).join(' ')} className="progress-line" />
                )}
                {xy.map(([x, y], i) => (
                  <circle key={points[i]!.day} cx={x} cy={y} r={2.5} className="progress-dot">
                    <title>{`${dayName(points[i]!.day)}: ${percentOf(points[i]!.coverage)} over ${countOf(points[i]!.attempts, 'answer')}`}</title>
                  </circle>
                ))}
              </svg>
              <span className="progress-last">{percentOf(last.coverage)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
