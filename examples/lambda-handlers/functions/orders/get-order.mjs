import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

// Incorrect (no-per-request-client): every invocation builds a client and its keep-alive agent, so
// warm invocations pay for a new TLS connection each time.
export const handler = async (event) => {
  const dynamo = new DynamoDBClient({ region: process.env.AWS_REGION });
  const { Item } = await dynamo.send(
    new GetItemCommand({ TableName: process.env.ORDERS_TABLE, Key: { id: { S: event.pathParameters.id } } }),
  );
  return { statusCode: Item ? 200 : 404, body: JSON.stringify(Item ?? null) };
};
