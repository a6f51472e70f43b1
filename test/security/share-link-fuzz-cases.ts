import type { BuiltFlow } from "../../src/engine/built-flow.ts";
import type { FlowMachine } from "../../src/engine/compile.ts";
import { flowFingerprint } from "../../src/ui/share/fingerprint.ts";
import { decodeShare as decodeWith, MAX_SHARE_LENGTH } from "../../src/ui/share/share-link.ts";
import { readSharePayload } from "../../src/ui/share/share-payload.ts";

/** The app's decodeShare with the payload reader it loads on demand, for tests that decode directly. */
export const decodeShare = (flow: BuiltFlow, machine: FlowMachine, param: string) =>
  decodeWith(flow, machine, param, readSharePayload);

/**
 * A seeded generator of malformed share links (`?s=<param>`), shared by the
 * jsdom fuzz test and the Chromium e2e fuzz test. The generators need no app
 * code: they get the flow's id, fingerprint and one walk the flow accepts
 * (`error500Target` builds those), and build near-misses around them.
 *
 * Every kind is invalid by construction, so a link the codec accepts is a bug
 * in the codec, not luck of the generator:
 * - characters outside base64url are refused before decoding;
 * - random bytes always hold 0xFF, which is never valid UTF-8;
 * - random base64url never starts like a JSON object ("{" after optional
 *   whitespace or BOM encodes to a first char of e, I, C, D or 7);
 * - a proper prefix of the valid link decodes to a proper prefix of a JSON
 *   object, which is never complete JSON;
 * - a one-character flip that decodes to the same JSON is skipped;
 * - structured payloads always carry at least one wrong field or decision.
 */

export interface FuzzTarget {
  flowId: string;
  /** The flow's fingerprint as the app computes it (flowFingerprint). */
  fingerprint: string;
  /** A walk the flow accepts, packed as in a link: [step, kind, value?]. No free text in it. */
  walk: Packed[];
  stepIds: readonly string[];
  otherFlowIds: readonly string[];
  /** MAX_SHARE_LENGTH: links longer than this are refused unread. */
  maxLength: number;
}

export type Packed = [step: string, kind: string, value?: string];

export interface FuzzCase {
  index: number;
  kind: FuzzKind;
  /** The raw value of the `s` parameter (put into a URL with encodeURIComponent). */
  param: string;
}

/** A small, fast, well-mixed 32-bit PRNG: the same seed gives the same links. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 20_240_611;

/** SHARE_FUZZ_SEED=<n> replays a run (the seed is in the test names); otherwise the fixed default. */
export function fuzzSeed(): number {
  const raw = process.env.SHARE_FUZZ_SEED;
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) ? n >>> 0 : DEFAULT_SEED;
}

export function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes).toString("base64url");
}

export function validPayload(target: FuzzTarget) {
  return { v: 1, f: target.flowId, h: target.fingerprint, d: target.walk };
}

/** The one link here that must open: the base every near-miss is made from. */
export function validLink(target: FuzzTarget): string {
  return base64url(JSON.stringify(validPayload(target)));
}

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** First characters that cannot start a JSON object: not "{" (e), whitespace (I, C, D) or a BOM (7). */
const B64URL_NOT_OBJECT = B64URL.replace(/[eICD7]/g, "");
/** Characters a base64url link never holds; one of them makes any link unreadable. */
const FOREIGN = [
  "=",
  "+",
  "/",
  ".",
  "~",
  "%",
  " ",
  "!",
  "*",
  "'",
  "(",
  ")",
  ",",
  ":",
  "?",
  "#",
  "&",
  "é",
  "\u200b",
  "\u00a0",
  "😀",
  "\t",
  "\n",
  "\\",
  '"',
  "<",
  ">",
  "{",
  "}",
];
const KIND_LETTERS = ["n", "c", "i", "k", "m", "x", "N", "", "next", "0"];

type Rng = () => number;

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function randomString(rng: Rng, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

/** A code point from a mix of ranges (ASCII, controls, Latin-1, CJK, emoji); never a lone surrogate. */
function randomCodePoint(rng: Rng): string {
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0x20, 0x7e],
    [0x00, 0x1f],
    [0xa0, 0xff],
    [0x370, 0x3ff],
    [0x4e00, 0x4e80],
    [0xfff0, 0xfffd],
    [0x1f600, 0x1f64f],
  ];
  const [lo, hi] = pick(rng, ranges);
  return String.fromCodePoint(int(rng, lo, hi));
}

function randomId(rng: Rng, avoid: readonly string[]): string {
  for (;;) {
    const id = `${pick(rng, ["no-such", "zz", "step", "x"])}-${randomString(rng, "abcdefghijklmnopqrstuvwxyz0123456789", int(rng, 1, 10))}`;
    if (!avoid.includes(id)) return id;
  }
}

const link = (payload: unknown) => base64url(JSON.stringify(payload));

/** One generator per kind; each returns a param that no version of a correct codec accepts. */
const GENERATORS = {
  "random-bytes"(rng: Rng) {
    const bytes = Array.from({ length: int(rng, 0, 400) }, () => int(rng, 0, 255));
    bytes.splice(int(rng, 0, bytes.length), 0, 0xff);
    return base64url(Uint8Array.from(bytes));
  },
  "random-base64url"(rng: Rng) {
    return pick(rng, [...B64URL_NOT_OBJECT]) + randomString(rng, B64URL, int(rng, 0, 800));
  },
  "random-text"(rng: Rng) {
    // Whole code points, spliced as such: a split surrogate pair could not even be put in a URL.
    const points = Array.from({ length: int(rng, 0, 200) }, () => randomCodePoint(rng));
    points.splice(int(rng, 0, points.length), 0, pick(rng, FOREIGN));
    return points.join("");
  },
  truncated(rng: Rng, t: FuzzTarget) {
    const valid = validLink(t);
    return valid.slice(0, int(rng, 1, valid.length - 1));
  },
  "foreign-character"(rng: Rng, t: FuzzTarget) {
    const valid = validLink(t);
    return insertAt(valid, int(rng, 0, valid.length), pick(rng, FOREIGN));
  },
  "padded-or-wrapped"(rng: Rng, t: FuzzTarget) {
    const valid = validLink(t);
    return pick(rng, [
      `${valid}=`,
      `${valid}==`,
      `s=${valid}`,
      `?s=${valid}`,
      `https://example.com/flows/${t.flowId}?s=${valid}`,
      JSON.stringify(validPayload(t)),
      encodeURIComponent(JSON.stringify(validPayload(t))),
      ` ${valid}`,
      `${valid}\n`,
      Buffer.from(JSON.stringify(validPayload(t)))
        .toString("base64")
        .replace(/[A-Za-z0-9_-]$/, "+"),
    ]);
  },
  "one-character-flip"(rng: Rng, t: FuzzTarget) {
    const valid = validLink(t);
    const original = JSON.stringify(validPayload(t));
    for (;;) {
      const at = int(rng, 0, valid.length - 1);
      const replacement = pick(rng, [...B64URL.replace(valid[at], "")]);
      const flipped = valid.slice(0, at) + replacement + valid.slice(at + 1);
      // A flip of the last character's unused low bits decodes to the very same JSON: not malformed, skip it.
      const decoded = Buffer.from(flipped, "base64url").toString("utf8");
      if (decoded === original) continue;
      try {
        if (JSON.stringify(JSON.parse(decoded)) === original) continue;
      } catch {
        // Not JSON at all: malformed, as wanted.
      }
      return flipped;
    }
  },
  "wrong-types"(rng: Rng, t: FuzzTarget) {
    const payload: Record<string, unknown> = validPayload(t);
    const field = pick(rng, ["v", "f", "h", "d", "whole", "missing"] as const);
    if (field === "whole") return link(pick(rng, [[], null, "payload", 1, true, [payload], { payload }]));
    if (field === "missing") {
      delete payload[pick(rng, ["v", "f", "h", "d"])];
      return link(payload);
    }
    const wrong: Record<typeof field, unknown[]> = {
      v: ["1", null, true, [], {}, "one", [1]],
      f: [null, 42, [], {}, "", "x".repeat(501), true, [t.flowId]],
      h: [null, 7, [], {}, "", false, [t.fingerprint]],
      d: [
        null,
        "about",
        3,
        {},
        { 0: t.walk[0] },
        [[t.walk[0][0]]],
        [[t.walk[0][0], "n", "x", "y"]],
        [[1, "n"]],
        [[t.walk[0][0], 2]],
        [[t.walk[0][0], "n", 3]],
        [null],
        t.walk[0],
        [[]],
        [[[t.walk[0][0]], "n"]],
        [["", "n"]],
        [["x".repeat(501), "n"]],
        [[t.walk[0][0], pick(rng, ["c", "k"])]],
        [[t.walk[0][0], pick(rng, ["n", "m"]), "unexpected value"]],
      ],
    };
    payload[field] = pick(rng, wrong[field]);
    return link(payload);
  },
  "other-version"(rng: Rng, t: FuzzTarget) {
    const v = pick(rng, [0, 2, -1, 1.5, 99, 1e9, int(rng, 2, 1_000_000), -int(rng, 1, 1000)]);
    return link({ ...validPayload(t), v });
  },
  "stale-fingerprint"(rng: Rng, t: FuzzTarget) {
    for (;;) {
      const h = pick(rng, [
        randomString(rng, "abcdefghijklmnopqrstuvwxyz0123456789", int(rng, 1, 12)),
        t.fingerprint.slice(0, -1),
        `${t.fingerprint}0`,
        t.fingerprint.toUpperCase(),
      ]);
      if (h && h !== t.fingerprint) return link({ ...validPayload(t), h });
    }
  },
  "other-flow"(rng: Rng, t: FuzzTarget) {
    for (;;) {
      const f = pick(rng, [
        ...t.otherFlowIds,
        randomId(rng, [t.flowId]),
        t.flowId.toUpperCase(),
        `${t.flowId} `,
        t.flowId.replace(/-/g, "_"),
        `${t.flowId}-v2`,
      ]);
      if (f !== t.flowId) return link({ ...validPayload(t), f });
    }
  },
  "does-not-fit"(rng: Rng, t: FuzzTarget) {
    const k = int(rng, 0, t.walk.length);
    const prefix = t.walk.slice(0, k);
    const strategy = pick(rng, ["unknown-step", "repeat-last", "wrong-step"] as const);
    let bogus: Packed;
    if (strategy === "repeat-last" && k > 0) {
      // A decision always moves the walk on, so the same decision again is made at a step the walk has left.
      bogus = [...prefix[k - 1]];
    } else if (strategy === "wrong-step" && k < t.walk.length) {
      const elsewhere = t.stepIds.filter((id) => id !== t.walk[k][0]);
      bogus = [pick(rng, elsewhere), t.walk[k][1], ...(t.walk[k][2] === undefined ? [] : [t.walk[k][2]])] as Packed;
    } else {
      const kind = pick(rng, KIND_LETTERS.slice(0, 5));
      bogus = kind === "c" || kind === "k" ? [randomId(rng, t.stepIds), kind, "yes"] : [randomId(rng, t.stepIds), kind];
    }
    const rest = t.walk.slice(k, k + int(rng, 0, 2));
    return link({ ...validPayload(t), d: [...prefix, bogus, ...rest] });
  },
  "not-an-object"(rng: Rng) {
    return link(
      pick(rng, [
        null,
        true,
        0,
        1,
        "v",
        [],
        [1, "error-500", "h", []],
        randomString(rng, "abc ", int(rng, 0, 30)),
        int(rng, -1e6, 1e6),
        [[["about", "n"]]],
      ]),
    );
  },
  huge(rng: Rng, t: FuzzTarget) {
    const over = int(rng, 1, t.maxLength * 4);
    const valid = validLink(t);
    return pick(rng, [
      () => randomString(rng, B64URL, t.maxLength + over),
      () => valid + randomString(rng, B64URL, t.maxLength + over - valid.length),
      () => {
        const filler = Array.from({ length: Math.ceil((t.maxLength + over) / 10) }, () => t.walk[0]);
        return link({ ...validPayload(t), d: [...t.walk, ...filler] });
      },
      () => link({ ...validPayload(t), x: "A".repeat(t.maxLength + over) }),
    ])();
  },
} satisfies Record<string, (rng: Rng, t: FuzzTarget) => string>;

export type FuzzKind = keyof typeof GENERATORS;
export const FUZZ_KINDS = Object.keys(GENERATORS) as FuzzKind[];

/**
 * `count` malformed links, the kinds taken in turn (so any prefix of the list
 * covers every kind), the contents drawn from the seeded PRNG.
 */
export function generateMalformedLinks(target: FuzzTarget, count: number, seed: number): FuzzCase[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, (_, index) => {
    const kind = FUZZ_KINDS[index % FUZZ_KINDS.length];
    const param = GENERATORS[kind](rng, target);
    return { index, kind, param };
  });
}

/** For failure messages: which case, of what kind, and the start of its param. */
export function describeCase(c: FuzzCase): string {
  const shown = c.param.length > 120 ? `${c.param.slice(0, 120)}… (${c.param.length} chars)` : c.param;
  return `#${c.index} ${c.kind}: ${JSON.stringify(shown)}`;
}

/**
 * The fuzz target both suites use: error-500 walked to "Are the UPNs different?", personal
 * answers left out (as in a link without them), with every other flow's id to forge.
 */
export function error500Target(flow: BuiltFlow, allFlowIds: readonly string[]): FuzzTarget {
  return {
    flowId: flow.id,
    fingerprint: flowFingerprint(flow),
    walk: [
      ["about", "n"],
      ["user-mail", "i"],
      ["entra-upn", "i"],
      ["collision", "m"],
    ],
    stepIds: flow.steps.map((s) => s.id),
    otherFlowIds: allFlowIds.filter((id) => id !== flow.id),
    maxLength: MAX_SHARE_LENGTH,
  };
}
