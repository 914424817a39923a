import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';

// Correct: created once per container, during the cold start, and reused by warm invocations.
const dynamo = new DynamoDBClient({ region: process.env.AWS_REGION });

export const handler = async (event) => {
  const { Items } = await dynamo.send(
    new QueryCommand({
      TableName: process.env.ORDERS_TABLE,
      KeyConditionExpression: 'customerId = :c',
      ExpressionAttributeValues: { ':c': { S: event.requestContext.authorizer.customerId } },
    }),
  );
  return { statusCode: 200, body: JSON.stringify(Items) };
};
