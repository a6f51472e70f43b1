/** Response builders for the simulator: SCIM JSON, SCIM errors and the non-SCIM pages some faults serve. */

export interface DemoReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SCIM_JSON = { "content-type": "application/scim+json; charset=utf-8" };
const HTML = { "content-type": "text/html; charset=utf-8" };

export const LIST_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

export function json(status: number, value: unknown): DemoReply {
  return { status, headers: { ...SCIM_JSON }, body: JSON.stringify(value) };
}

export function scimError(
  status: number,
  detail: string,
  scimType?: string,
  extra: Record<string, string> = {},
): DemoReply {
  const reply = json(status, {
    schemas: [ERROR_URN],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  });
  return { ...reply, headers: { ...reply.headers, ...extra } };
}

export function noContent(): DemoReply {
  return { status: 204, headers: {}, body: "" };
}

export function html(status: number, title: string, text: string): DemoReply {
  const body = `<!DOCTYPE html><html><head><title>${title}</title><style>body{font-family:sans-serif}</style></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  return { status, headers: { ...HTML }, body };
}

export const PAGES = {
  notFound: () =>
    html(404, "404 - File or directory not found", "The resource you are looking for might have been removed."),
  serverError: () =>
    html(
      500,
      "500 - Internal server error",
      "There is a problem with the resource you are looking for, and it cannot be displayed.",
    ),
  signIn: () => html(200, "Sign in to Workspace 365", "Enter your e-mail address to continue."),
};

export function list(resources: unknown[], totalResults: number, startIndex: number): DemoReply {
  return json(200, {
    schemas: [LIST_URN],
    totalResults,
    Resources: resources,
    startIndex,
    itemsPerPage: resources.length,
  });
}
