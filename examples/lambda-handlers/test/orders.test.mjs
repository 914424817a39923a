import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { handler as getOrder } from '../functions/orders/get-order.mjs';
import { handler as listOrders } from '../functions/orders/list-orders.mjs';

const local = { region: 'local', endpoint: 'http://localhost:8000' };

describe('get-order', () => {
  let seeder;
  // Correct, if untidy: the client that seeds the table is never destroyed, but an AWS SDK client's
  // idle keep-alive sockets are unref'd by Node's HTTP agent, so they do not keep the test process
  // from exiting (a pg pool or a Redis connection here would: see scripts-and-tests/).
  beforeAll(async () => {
    seeder = new DynamoDBClient(local);
    await seeder.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'o-1' } } }));
  });

  it('finds an order', async () => {
    expect((await getOrder({ pathParameters: { id: 'o-1' } })).statusCode).toBe(200);
  });
});

describe('list-orders', () => {
  let seeder;
  // Correct: destroyed once the suite is done.
  beforeAll(async () => {
    seeder = new DynamoDBClient(local);
    await seeder.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'o-2' }, customerId: { S: 'c-1' } } }));
  });
  afterAll(() => seeder.destroy());

  it('lists the orders of a customer', async () => {
    const response = await listOrders({ requestContext: { authorizer: { customerId: 'c-1' } } });
    expect(JSON.parse(response.body)).toHaveLength(1);
  });
});
