// One catalog of errors. Gateway errors (not in any action's spec) are listed here with the codes,
// statuses and messages of Alibaba's POP gateway; action errors come from the spec facts, so their
// status and message are the ones Alibaba publishes for that action.
import { ApiError, formatMessage } from './api-error.js';
import { own } from '../core/own.js';
import { StoreUnavailable } from '../store/port.js';
import type { ActionFacts, ErrorFact } from '../spec/types.js';
import { vpcErrorIndex } from '../spec/vpc-facts.generated.js';

interface Entry {
  status: number;
  message: string;
}

/** Alibaba POP gateway errors (api-reference.md §2.8). Messages with %s take arguments. */
export const GATEWAY = {
  MissingParameter: { status: 400, message: 'The input parameter "%s" that is mandatory for processing this request is not supplied.' },
  InvalidParameter: { status: 400, message: 'The specified parameter "%s" is not valid.' },
  'InvalidParameter.Format': { status: 400, message: 'Specified parameter format is not valid.' },
  // The code is Alibaba's (in the published metadata); the limit and the message are LocalVPC's.
  'InvalidParameter.TooMany': { status: 400, message: 'The request carries more than %s parameters.' },
  SignatureDoesNotMatch: { status: 400, message: 'Specified signature is not matched with our calculation. server string to sign is:%s' },
  IncompleteSignature: { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  InvalidSignatureMethod: { status: 400, message: 'Specified signature method is not valid.' },
  InvalidSignatureVersion: { status: 400, message: 'Specified signature version is not valid.' },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  'InvalidAccessKeyId.Inactive': { status: 400, message: 'Specified access key is disabled.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  MissingTimestamp: {
    status: 400,
    message: 'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.',
  },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  MissingSignatureNonce: {
    status: 400,
    message: 'The input parameter "SignatureNonce" that is mandatory for processing this request is not supplied.',
  },
  UnsupportedHTTPMethod: { status: 400, message: 'This http method not supported.' },
  'InvalidAction.NotFound': { status: 404, message: 'Specified api is not found, please check your url and method.' },
  MissingAction: { status: 400, message: 'The input parameter "Action" that is mandatory for processing this request is not supplied.' },
  InvalidVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
  MissingVersion: { status: 400, message: 'The input parameter "Version" that is mandatory for processing this request is not supplied.' },
  'InvalidRegionId.NotFound': { status: 404, message: 'The specified RegionId does not exist in our records.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  ServiceUnavailable: { status: 503, message: 'The request has failed due to a temporary failure of the server.' },
  InternalError: { status: 500, message: 'The request processing has failed due to some unknown error.' },
  'Forbidden.AccountDisabled': { status: 403, message: 'The account of the specified access key is disabled.' },
  // LocalVPC's own: an action of the published Vpc API that this emulator does not implement yet.
  'UnsupportedOperation.LocalVPC': {
    status: 400,
    message:
      'The action %s is part of the Alibaba Cloud API but is not implemented by LocalVPC. See the supported-actions list in the README.',
  },
  // LocalVPC's own: a browser request from a web origin not allowed (allowedOrigins), and, on
  // loopback, a Host that is not a loopback name (allowedHosts): against pages using the public key.
  'Forbidden.Origin': {
    status: 403,
    message: 'Requests from the web origin %s are not accepted; start LocalVPC with --allowed-origins %s to accept them.',
  },
  'Forbidden.Host': {
    status: 403,
    message: 'The Host %s is not a loopback name; start LocalVPC with --allowed-hosts to accept it.',
  },
  // LocalVPC's own: a request body over the configured limit.
  RequestEntityTooLarge: { status: 413, message: 'The request body exceeds the limit of %s bytes.' },
  NotFound: { status: 404, message: 'The requested path is not found.' },
} satisfies Record<string, Entry>;

export type GatewayCode = keyof typeof GATEWAY;

export function gatewayError(code: GatewayCode, ...args: string[]): ApiError {
  const e: Entry = GATEWAY[code];
  return new ApiError(code, e.status, formatMessage(e.message, args));
}

/** Every code any Vpc action documents, with the first status and message the spec gives it. */
function productError(code: string): ErrorFact | undefined {
  return Object.hasOwn(vpcErrorIndex, code) ? vpcErrorIndex[code] : undefined;
}

/**
 * An error with the status and message Alibaba publishes: the action's own entry in the spec first,
 * then the gateway catalog, then the same code as another Vpc action documents it. A code found
 * nowhere is a programming error and throws.
 */
export function actionError(facts: ActionFacts | undefined, code: string, ...args: string[]): ApiError {
  const gateway: Record<string, Entry> = GATEWAY;
  const e: ErrorFact | undefined = (facts ? own(facts.errors, code) : undefined) ?? own(gateway, code) ?? productError(code);
  if (!e) throw new Error(`error code ${code} is in no catalog`);
  return new ApiError(code, e.status, formatMessage(e.message, args));
}

/**
 * Any failure as the answer a client gets: an ApiError as it is; a store that cannot serve (a
 * full disk, a damaged file) as ServiceUnavailable (503) with its message; anything else as
 * InternalError (a bug, logged by whoever catches it).
 */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof StoreUnavailable) return new ApiError('ServiceUnavailable', GATEWAY.ServiceUnavailable.status, e.message);
  return gatewayError('InternalError');
}
