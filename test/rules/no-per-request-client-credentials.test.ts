import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-per-request-client.js';

const ruleTester = new RuleTester();

/** A Lambda handler that signs its AWS SDK client with the tenant's STS keys from the authorizer (tenant isolation). */
const tenantClient = (extraOption: string) => `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export const handler = async (event) => {
  const client = new DynamoDBClient({${extraOption}
    credentials: {
      accessKeyId: event.requestContext.authorizer.accessKey,
      secretAccessKey: event.requestContext.authorizer.secretKey,
      sessionToken: event.requestContext.authorizer.sessionToken,
    },
  });
  return client.send(event.command);
};
`;

const POOL_COST = 'new connections and sockets each time, which exhausts connection slots and adds latency';

ruleTester.run('no-per-request-client (clients bound to per-request credentials)', rule, {
  valid: [
    {
      filename: 'src/handlers/get-by-id.mjs',
      code: tenantClient(''),
      name: "an AWS SDK client whose only per-request data is the caller's credentials is request-scoped, like a wrapper with a user token",
    },
  ],
  invalid: [
    {
      filename: 'src/handlers/get-by-id.mjs',
      code: tenantClient(''),
      options: [{ reportRequestScopedWrappers: true }],
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          data: {
            client: 'DynamoDBClient',
            where: 'in a Lambda handler',
            unit: 'invocation',
            cost: POOL_COST,
            reason: 'its options depend on per-request data (`event.requestContext.authorizer.accessKey`)',
          },
          line: 4,
          column: 18,
          endLine: 10,
          endColumn: 5,
          suggestions: [],
        },
      ],
      name: 'reportRequestScopedWrappers reports it too',
    },
    {
      filename: 'src/handlers/get-by-id.mjs',
      code: tenantClient('\n    region: event.region,'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          data: {
            client: 'DynamoDBClient',
            where: 'in a Lambda handler',
            unit: 'invocation',
            cost: POOL_COST,
            reason: 'its options depend on per-request data (`event.region`)',
          },
          line: 4,
          column: 18,
          endLine: 11,
          endColumn: 5,
          suggestions: [],
        },
      ],
      name: 'per-request data outside the credentials (a region) is a per-request client',
    },
    {
      filename: 'src/routes/tenant.ts',
      code: `import { Pool } from 'pg';

export async function GET(request: Request) {
  const pool = new Pool({ host: 'db', password: request.headers.get('x-db-password') ?? '' });
  return Response.json(await pool.query('select 1'));
}
`,
      errors: [{ messageId: 'perRequestClientNoFix', line: 4, column: 16, endLine: 4, endColumn: 94, suggestions: [] }],
      name: 'a database pool bound to per-request credentials still holds connection slots of its own: reported',
    },
  ],
});
