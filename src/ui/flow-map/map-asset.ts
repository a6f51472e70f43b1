/** Where the build writes each flow's map as a file of its own, and where pages link to it. */
export const mapAssetPath = (flowId: string) => `maps/${flowId}.svg`;
export const mapAssetHref = (flowId: string) => `/${mapAssetPath(flowId)}`;
