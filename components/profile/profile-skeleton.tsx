/** The profile while its figures load: the same blocks, at the size they will have. */
export function ProfileSkeleton() {
  const block = "animate-pulse rounded-lg border border-line bg-surface";
  return (
    <div className="space-y-6" aria-busy="true">
      <div className="space-y-3">
        <div className="space-y-1">
          <div className="h-5 w-48 animate-pulse rounded bg-line/60" />
          <div className="h-8 w-72 max-w-full animate-pulse rounded bg-line/60" />
          <div className="h-5 w-56 animate-pulse rounded bg-line/60" />
        </div>
        <div className={`${block} h-[62px]`} />
      </div>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <div className={`${block} h-[310px]`} />
        <div className={`${block} h-[310px]`} />
        <div className={`${block} h-[310px]`} />
        <div className={`${block} h-[295px]`} />
        <div className={`${block} h-[295px] md:col-span-2`} />
      </div>
      <div className="space-y-2">
        <div className="h-7 w-40 animate-pulse rounded bg-line/60" />
        <div className={`${block} h-[340px]`} />
      </div>
    </div>
  );
}
