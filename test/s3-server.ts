import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A small S3-compatible server for the tests (path-style only): CreateBucket, PutObject,
 * GetObject, HeadObject, DeleteObject and ListObjectsV2, each request's AWS Signature Version 4
 * verified as S3 verifies it, so the SDK's real signing is exercised; refusals in S3's XML error
 * shape. Objects live in memory, where a test can look at the stored bytes.
 */

export interface StoredObject {
  body: Buffer;
  lastModified: Date;
  etag: string;
}

export interface TestS3 {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** bucket → key → object */
  buckets: Map<string, Map<string, StoredObject>>;
  /** Every request refused, by S3 error code: a test can see that signatures were checked. */
  refusals: string[];
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60_000;
const XML_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      const k = decodeURIComponent((i < 0 ? pair : pair.slice(0, i)).replace(/\+/g, ' '));
      const v = i < 0 ? '' : decodeURIComponent(pair.slice(i + 1).replace(/\+/g, ' '));
      return [encode(k), encode(v)] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` */
function parseAuthorization(header: string | undefined) {
  if (!header) throw new S3Error(403, 'AccessDenied', 'Access Denied');
  const match = /^AWS4-HMAC-SHA256 (.+)$/.exec(header);
  if (!match?.[1]) throw new S3Error(400, 'InvalidArgument', 'Unsupported Authorization Type');
  const fields = new Map(
    match[1].split(/,\s*/).map((part) => {
      const i = part.indexOf('=');
      return [part.slice(0, i), part.slice(i + 1)] as const;
    }),
  );
  const credential = fields.get('Credential')?.split('/') ?? [];
  const signedHeaders = fields.get('SignedHeaders')?.split(';') ?? [];
  const signature = fields.get('Signature') ?? '';
  if (credential.length !== 5 || signedHeaders.length === 0 || !/^[0-9a-f]{64}$/.test(signature))
    throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = credential;
  return { accessKeyId, date, region, service, terminator, signedHeaders, signature };
}

/** Throws S3's error unless the request carries a valid SigV4 signature of these credentials. */
function verifySignature(req: IncomingMessage, body: Buffer, s3: Omit<TestS3, 'close'>, now: Date): void {
  const auth = parseAuthorization(req.headers.authorization);
  if (auth.accessKeyId !== s3.accessKeyId)
    throw new S3Error(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  if (auth.region !== s3.region || auth.service !== 's3' || auth.terminator !== 'aws4_request')
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      'The authorization header is malformed; the scope is wrong',
    );
  if (!auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('x-amz-date'))
    throw new S3Error(403, 'AccessDenied', 'host and x-amz-date must be signed');
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const when = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!when || !amzDate.startsWith(auth.date))
    throw new S3Error(403, 'AccessDenied', 'X-Amz-Date is missing or does not match the credential scope');
  const at = Date.UTC(+when[1]!, +when[2]! - 1, +when[3]!, +when[4]!, +when[5]!, +when[6]!);
  if (Math.abs(now.getTime() - at) > MAX_SKEW_MS)
    throw new S3Error(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );

  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (payloadHash.startsWith('STREAMING-'))
    throw new S3Error(501, 'NotImplemented', 'Chunked uploads are not implemented by this test server');
  if (payloadHash !== 'UNSIGNED-PAYLOAD') {
    if (!/^[0-9a-f]{64}$/.test(payloadHash))
      throw new S3Error(400, 'InvalidArgument', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a SHA-256');
    if (sha256Hex(body) !== payloadHash)
      throw new S3Error(
        400,
        'XAmzContentSHA256Mismatch',
        'The provided x-amz-content-sha256 header does not match what was computed.',
      );
  }

  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = q < 0 ? '' : rawUrl.slice(q + 1);
  const headers = [...auth.signedHeaders].sort().map((name) => {
    const value = req.headers[name];
    if (value === undefined) throw new S3Error(403, 'AccessDenied', `signed header ${name} is missing`);
    const joined = Array.isArray(value) ? value.join(',') : value;
    return `${name}:${joined.trim().replace(/\s+/g, ' ')}\n`;
  });
  const canonicalRequest = [
    req.method ?? 'GET',
    path, // S3 signs the path as sent, encoded once and not normalised
    canonicalQuery(query),
    headers.join(''),
    [...auth.signedHeaders].sort().join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${s3.secretAccessKey}`, auth.date), auth.region), 's3'),
    'aws4_request',
  );
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new S3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
}

function sendError(res: ServerResponse, error: S3Error, resource: string, head: boolean) {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  res.writeHead(error.status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
  if (head) {
    res.end();
    return;
  }
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message>` +
      `<Resource>${xmlEscape(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`,
  );
}

function listObjectsV2(
  bucketName: string,
  objects: Map<string, StoredObject>,
  params: URLSearchParams,
): string {
  const prefix = params.get('prefix') ?? '';
  const maxKeys = Math.min(Number(params.get('max-keys') ?? 1000) || 1000, 1000);
  const token = params.get('continuation-token');
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : (params.get('start-after') ?? '');
  const keys = [...objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
  const page = keys.slice(0, maxKeys);
  const truncated = keys.length > page.length;
  const contents = page
    .map((k) => {
      const o = objects.get(k)!;
      return (
        `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified>` +
        `<ETag>&quot;${o.etag}&quot;</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`
      );
    })
    .join('');
  const next = truncated
    ? `<NextContinuationToken>${Buffer.from(page.at(-1) ?? '').toString('base64url')}</NextContinuationToken>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="${XML_NS}"><Name>${xmlEscape(bucketName)}</Name>` +
    `<Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys>` +
    `<IsTruncated>${truncated}</IsTruncated>${token ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : ''}` +
    `${contents}${next}</ListBucketResult>`
  );
}

export async function startS3(options: { region?: string } = {}): Promise<TestS3> {
  const state: Omit<TestS3, 'close' | 'endpoint'> = {
    region: options.region ?? 'eu-west-1',
    accessKeyId: `AKIATEST${randomBytes(6).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    buckets: new Map(),
    refusals: [],
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://s3.test');
      const [, bucketName = '', ...rest] = url.pathname.split('/');
      const bucket = decodeURIComponent(bucketName);
      const key = rest.map(decodeURIComponent).join('/');
      const head = req.method === 'HEAD';
      try {
        verifySignature(req, body, { ...state, endpoint: '' }, new Date());
        if (!bucket) throw new S3Error(501, 'NotImplemented', 'ListBuckets is not implemented');
        const objects = state.buckets.get(bucket);
        if (!key) {
          if (req.method === 'PUT') {
            if (objects)
              throw new S3Error(
                409,
                'BucketAlreadyOwnedByYou',
                'Your previous request to create the named bucket succeeded and you already own it.',
              );
            state.buckets.set(bucket, new Map());
            res.writeHead(200, { location: `/${bucket}` }).end();
            return;
          }
          if (!objects) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
          if (req.method === 'HEAD') {
            res.writeHead(200).end();
            return;
          }
          if (req.method === 'GET' && url.searchParams.get('list-type') === '2') {
            res
              .writeHead(200, { 'content-type': 'application/xml' })
              .end(listObjectsV2(bucket, objects, url.searchParams));
            return;
          }
          throw new S3Error(
            405,
            'MethodNotAllowed',
            'The specified method is not allowed against this resource.',
          );
        }
        if (!objects) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
        if (req.method === 'PUT') {
          if (req.headers['x-amz-copy-source'])
            throw new S3Error(501, 'NotImplemented', 'CopyObject is not implemented');
          const etag = createHash('md5').update(body).digest('hex');
          objects.set(key, { body, lastModified: new Date(), etag });
          res.writeHead(200, { etag: `"${etag}"` }).end();
          return;
        }
        if (req.method === 'DELETE') {
          objects.delete(key);
          res.writeHead(204).end();
          return;
        }
        if (req.method === 'GET' || head) {
          const object = objects.get(key);
          if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': object.body.length,
            etag: `"${object.etag}"`,
            'last-modified': object.lastModified.toUTCString(),
          });
          res.end(head ? undefined : object.body);
          return;
        }
        throw new S3Error(
          405,
          'MethodNotAllowed',
          'The specified method is not allowed against this resource.',
        );
      } catch (e) {
        const error =
          e instanceof S3Error ? e : new S3Error(500, 'InternalError', 'We encountered an internal error.');
        state.refusals.push(error.code);
        sendError(res, error, url.pathname, head);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  });
}
