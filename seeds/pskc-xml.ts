/**
 * Reading a PSKC file as XML, safely: a DOCTYPE or ENTITY declaration is refused before any
 * parser sees the text (no XXE, no entity expansion, whatever the parser would do); the parser
 * runs with entities off; well-formedness is checked first, so that a truncated file is refused,
 * not half-read. Also the small accessors the rest of the PSKC reader walks the tree with, and
 * the HMAC names that both MACMethod (pskc-keys.ts) and PBKDF2's PRF (pskc-pbkdf2.ts) use.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError, refuse } from '../domain/errors';

/** DomainError code of every refusal about a PSKC file. */
export const PSKC_ERROR = 'PSKC';
/** Larger inputs are refused before parsing (about 10,000 tokens fit in a tenth of this). */
export const MAX_PSKC_CHARS = 32 * 1024 * 1024;

/** An element as the parser gives it: child elements are arrays, attributes '@_name', text '#text'. */
export type XNode = Record<string, unknown>;

function isNode(v: unknown): v is XNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function children(node: XNode | undefined, name: string): XNode[] {
  if (node === undefined || !Object.hasOwn(node, name)) return [];
  const v = node[name];
  return Array.isArray(v) ? v.filter(isNode) : [];
}

export function text(node: XNode | undefined): string {
  if (node === undefined || !Object.hasOwn(node, '#text')) return '';
  const v = node['#text'];
  return typeof v === 'string' ? v.trim() : '';
}

export function attr(node: XNode | undefined, name: string): string | undefined {
  const key = `@_${name}`;
  if (node === undefined || !Object.hasOwn(node, key)) return undefined;
  const v = node[key];
  return typeof v === 'string' ? v.trim() : undefined;
}

/** Untrusted text shown in a message: one line, at most 80 characters. */
export function shown(s: string): string {
  const one = [...s.slice(0, 400).replace(/[\s\p{Cc}]+/gu, ' ').trim()];
  return one.length > 80 ? `${one.slice(0, 80).join('')}…` : one.join('');
}

/** Strict base64 (whitespace ignored); null if malformed or empty. */
export function decodeBase64(s: string): Buffer | null {
  const t = s.replace(/\s/gu, '');
  if (t === '' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return null;
  return Buffer.from(t, 'base64');
}

/** Where a problem is: "2件目のKeyPackage（Id=12345678、シリアル番号 AB1234567890）". */
export class Place {
  keyId = '';
  serial = '';
  constructor(readonly position: number) {}
  toString(): string {
    const parts: string[] = [];
    if (this.keyId !== '') parts.push(`Id=${shown(this.keyId)}`);
    if (this.serial !== '') parts.push(`シリアル番号 ${shown(this.serial)}`);
    return `${this.position}件目のKeyPackage${parts.length > 0 ? `（${parts.join('、')}）` : ''}`;
  }
}

/* ------------------------------------------------------------------ HMAC names */

export type HmacHash = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
export interface Hmac {
  label: string;
  hash: HmacHash;
}

/** By their exact XML Signature names: SHA-1's is XML Signature's own, the others RFC 6931's (RFC 4051 before it). */
const HMACS = new Map<string, Hmac>([
  ['http://www.w3.org/2000/09/xmldsig#hmac-sha1', { label: 'HMAC-SHA1', hash: 'sha1' }],
  ...(['224', '256', '384', '512'] as const).map((bits): [string, Hmac] => [
    `http://www.w3.org/2001/04/xmldsig-more#hmac-sha${bits}`,
    { label: `HMAC-SHA${bits}`, hash: `sha${bits}` },
  ]),
]);

/** The last word of a name, letters and digits only: 'hmacsha1' for …xmldsig-more#hmac-sha1, HMAC-SHA1 and HMAC-SHA1's label alike. */
const lastWord = (s: string) => s.slice(Math.max(s.lastIndexOf('#'), s.lastIndexOf('/')) + 1).toLowerCase().replace(/[^a-z0-9]/gu, '');

/**
 * The HMAC an Algorithm URI names, or a refusal of `what` (e.g. MAC方式). Only the exact names are
 * read; a name that looks like a known HMAC is told how that one is written, so that the message
 * never lists as supported what it has just refused.
 */
export function hmacNamed(uri: string, what: string): Hmac {
  const hmac = HMACS.get(uri);
  if (hmac !== undefined) return hmac;
  const meant = [...HMACS].find(([, h]) => lastWord(h.label) === lastWord(uri));
  return refuse(
    PSKC_ERROR,
    `${what}「${shown(uri)}」は、このシステムが知っている名前ではありません。` +
      (meant === undefined
        ? `読めるのは ${[...HMACS.values()].map((h) => h.label).join('、')} の決まった名前（URI）だけです`
        : `${meant[1].label} は「${meant[0]}」と書かれている必要があります`),
  );
}

/* ------------------------------------------------------------------ sniffing and parsing */

/** The text after a BOM, white space, the XML declaration, comments and processing instructions; null if one of those is never closed. */
function afterProlog(content: string): string | null {
  let s = content.startsWith('\uFEFF') ? content.slice(1) : content;
  for (let i = 0; i < 1000; i++) {
    s = s.trimStart();
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) return null;
      s = s.slice(end + 2);
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->', 4);
      if (end < 0) return null;
      s = s.slice(end + 3);
    } else {
      break;
    }
  }
  return s;
}

/**
 * True when the content is meant as XML: its first character after a BOM and white space is '<'.
 * Such a file is read as PSKC whatever its root element, so that XML that is not a KeyContainer
 * hears what is wrong with it as PSKC, not that it is not CSV; an OATH CSV line never starts with '<'.
 */
export function looksLikeXml(content: string): boolean {
  return (content.startsWith('\uFEFF') ? content.slice(1) : content).trimStart().startsWith('<');
}

/**
 * True when the document stops before its root element is closed. The validator reports an
 * unclosed element at the line where it was opened (often line 1), but the file was cut where
 * it ends, and that is the line the teller should hear.
 */
function endsEarly(body: string): boolean {
  const rest = afterProlog(body);
  if (rest === null || rest === '') return true;
  const root = /^<([A-Za-z_][\w.:-]*)/u.exec(rest)?.[1];
  if (root === undefined) return false; // no element at all: not XML, rather than cut
  const end = body.trimEnd().replace(/(?:<!--[\s\S]*?-->\s*)+$/u, '').trimEnd();
  return !new RegExp(`</${root.replaceAll('.', '\\.')}\\s*>$`, 'u').test(end);
}

/** The line of the text's last non-blank character. */
function lastLine(s: string): number {
  return s.trimEnd().split('\n').length;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true, // pskc:, ds:, xenc: … are dropped; xmlns declarations too
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false, // no entity is ever expanded (a DOCTYPE never gets this far anyway)
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  alwaysCreateTextNode: true,
  trimValues: true,
  // Every element is an array, so a repeated element is seen (and refused) instead of merged.
  isArray: (_name: string, _jpath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

/**
 * The namespace of the root element, as its start tag declares it ('' when it declares none):
 * the parser drops namespaces, and the root's can only be declared on the root itself.
 */
function rootNamespace(body: string): string {
  const tag = /^<([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)/u.exec(afterProlog(body) ?? '');
  if (tag === null) return '';
  const [, name = '', attributes = ''] = tag;
  const declaration = name.includes(':') ? `xmlns:${name.slice(0, name.indexOf(':'))}` : 'xmlns';
  for (const [, attribute, double, single] of attributes.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu)) {
    if (attribute === declaration) return double ?? single ?? '';
  }
  return '';
}

/** The one KeyContainer element of a PSKC file and its namespace, or a refusal saying what is wrong with the XML. */
export function readContainer(xml: string): { container: XNode; namespace: string } {
  if (typeof xml !== 'string') refuse(PSKC_ERROR, 'PSKCファイルの内容を読み取れません');
  if (xml.length > MAX_PSKC_CHARS) {
    refuse(PSKC_ERROR, `PSKCファイルが大きすぎます（${MAX_PSKC_CHARS / 1024 / 1024}MBまで）。ファイルを分けて取り込んでください`);
  }
  const body = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  // Before any parser sees it: a DTD is how XXE and entity-expansion ("billion laughs") attacks work.
  if (/<!DOCTYPE|<!ENTITY/iu.test(body)) {
    refuse(
      PSKC_ERROR,
      'PSKCファイルに文書型宣言（DOCTYPE／ENTITY）が含まれているため、安全のため読み込みません。トークン業者から届いたファイルか確認してください',
    );
  }
  let parsed: unknown;
  try {
    const valid = XMLValidator.validate(body);
    if (valid !== true) {
      refuse(
        PSKC_ERROR,
        endsEarly(body)
          ? `PSKCファイルが${lastLine(body)}行目で途中で切れています。トークン業者から届いたファイルが最後まであるか確かめてください`
          : `PSKCファイルがXMLとして正しくありません（${valid.err.line}行目付近）。ファイルが壊れています`,
      );
    }
    parsed = parser.parse(body);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    refuse(PSKC_ERROR, 'PSKCファイルがXMLとして正しくありません。ファイルが途中で切れているか、壊れています');
  }
  const roots = isNode(parsed) ? Object.keys(parsed) : [];
  const containers = isNode(parsed) ? children(parsed, 'KeyContainer') : [];
  const container = containers[0];
  if (roots.length !== 1 || containers.length !== 1 || container === undefined) {
    const found = roots.length === 0 ? 'XMLの要素がありません' : `最上位の要素が ${roots.map(shown).join('、')} です`;
    return refuse(PSKC_ERROR, `PSKCファイルではありません（${found}。PSKCファイルの最上位は KeyContainer 要素1つです）`);
  }
  return { container, namespace: rootNamespace(body) };
}
