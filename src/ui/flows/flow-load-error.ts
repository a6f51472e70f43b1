/**
 * A chunk a guide's page needs did not arrive (offline, or a redeploy renamed
 * it): the flow itself, or the reader of its saved walk or share link. The
 * page offers to try again.
 */
export class FlowLoadError extends Error {
  constructor(readonly flowId: string) {
    super(`the guide "${flowId}" could not be loaded`);
    this.name = "FlowLoadError";
  }
}
