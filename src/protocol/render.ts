// Response bodies in Alibaba's envelope: JSON by default, XML when Format=XML. Lists are arrays
// wrapped in an object (`{"Regions":{"Region":[...]}}`), which XML renders as repeated elements.
import { createRequire } from 'node:module';
import type { XMLBuilder } from 'fast-xml-parser';
import type * as FastXmlParser from 'fast-xml-parser';

export const JSON_TYPE = 'application/json;charset=utf-8';
export const XML_TYPE = 'text/xml;charset=utf-8';

/** The XML builder is loaded on the first Format=XML request (most clients never ask; it saves memory). */
let xmlBuilder: XMLBuilder | undefined;
function builder(): XMLBuilder {
  if (!xmlBuilder) {
    const { XMLBuilder: Builder } = createRequire(import.meta.url)('fast-xml-parser') as typeof FastXmlParser; // the module's own types
    xmlBuilder = new Builder({
      ignoreAttributes: true,
      format: false,
      suppressEmptyNode: false,
      suppressBooleanAttributes: false,
      tagValueProcessor: (_name: string, v: unknown) => (typeof v === 'string' ? xmlSafe(v) : v),
    });
  }
  return xmlBuilder;
}
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * Characters XML 1.0 cannot carry at all, not even as references (C0 controls but tab, newline
 * and carriage return; lone surrogates; U+FFFE and U+FFFF), replaced by U+FFFD. Names and
 * descriptions refuse them at the door; tag values, stored rows from before and error messages
 * that quote input can still hold them.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '\ufffd');
}

export interface Rendered {
  contentType: string;
  body: string;
}

export function wantsXml(format: string | undefined): boolean {
  return format !== undefined && format.toUpperCase() === 'XML';
}

/** JSON of results that handlers return as shared, frozen objects (static answers such as the region list). */
const frozenJson = new WeakMap<object, string>();

export function renderSuccess(action: string, requestId: string, result: object, xml: boolean): Rendered {
  if (!xml && Object.isFrozen(result)) {
    let json = frozenJson.get(result);
    if (json === undefined) frozenJson.set(result, (json = JSON.stringify(result)));
    return {
      contentType: JSON_TYPE,
      body: json === '{}' ? `{"RequestId":"${requestId}"}` : `{"RequestId":"${requestId}",${json.slice(1)}`,
    };
  }
  if (!xml) {
    // RequestId first, then the result's fields: spliced as text (a spread into a literal that
    // already has RequestId copies a large result property by property).
    const json = JSON.stringify(result);
    return {
      contentType: JSON_TYPE,
      body: json === '{}' ? `{"RequestId":"${requestId}"}` : `{"RequestId":"${requestId}",${json.slice(1)}`,
    };
  }
  const body = Object.assign({ RequestId: requestId }, result);
  return { contentType: XML_TYPE, body: XML_HEAD + builder().build({ [`${action}Response`]: body }) };
}

export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

export function errorBody(requestId: string, hostId: string, product: string, code: string, message: string): ErrorBody {
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=${product}&requestId=${requestId}`;
  return { RequestId: requestId, HostId: hostId, Code: code, Message: message, Recommend: recommend };
}

export function renderError(body: ErrorBody, xml: boolean): Rendered {
  if (!xml) return { contentType: JSON_TYPE, body: JSON.stringify(body) };
  return { contentType: XML_TYPE, body: XML_HEAD + builder().build({ Error: body }) };
}
