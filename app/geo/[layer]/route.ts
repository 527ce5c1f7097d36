import { buildTopology, type GeoLayer, geoLayers } from "@/server/geo/build";

// Built once at `next build` and served as a file: the boundaries change with the reference only.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return geoLayers.map((layer) => ({ layer }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ layer: string }> }) {
  const { layer } = await params;
  if (!geoLayers.includes(layer as GeoLayer)) return new Response(null, { status: 404 });
  return Response.json(buildTopology(layer as GeoLayer), {
    headers: { "Cache-Control": "public, max-age=86400" },
  });
}
