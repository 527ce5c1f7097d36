/**
 * The steps of a cycle in order (设榜 → 揭榜 → 项目 → 跟榜 → 评榜), each with its figure and a line
 * or two of detail, joined by arrows: a row on a wide screen, a column on a phone. Dumb: the
 * figures come formatted through the props.
 */
export type CycleStep = { key: string; label: string; value: string; details: string[] };

export function ChartCycleSteps({ title, steps }: { title: string; steps: CycleStep[] }) {
  return (
    <ol aria-label={title} className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
      {steps.map((step, i) => (
        <li
          key={step.key}
          data-testid={`cycle-step-${step.key}`}
          className="relative rounded-lg border border-line bg-surface p-3 lg:after:absolute lg:after:top-1/2 lg:after:-right-2 lg:after:z-10 lg:after:-translate-y-1/2 lg:after:text-muted lg:after:content-['→'] lg:last:after:content-none"
        >
          <p className="text-xs font-medium text-muted">
            <span aria-hidden="true" className="mr-1 tabular-nums">
              {i + 1}
            </span>
            {step.label}
          </p>
          <p className="mt-1 text-xl font-semibold text-ink tabular-nums">{step.value}</p>
          {step.details.map((d) => (
            <p key={d} className="mt-0.5 text-xs text-muted">
              {d}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
