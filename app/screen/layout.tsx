import type { ReactNode } from "react";

/**
 * The wall screen stands outside the dashboard's layout: no header, navigation or controls, a
 * dark ground from edge to edge. Its demo mark and 数据截至 come with its data
 * (components/screen/screen-view.tsx), so that they change when the figures do, without a reload.
 */
export default function ScreenLayout({ children }: { children: ReactNode }) {
  return <div className="fixed inset-0 overflow-hidden bg-[#0b1220] text-slate-100">{children}</div>;
}
