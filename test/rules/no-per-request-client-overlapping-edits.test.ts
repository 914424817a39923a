import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-per-request-client.js';

const ruleTester = new RuleTester();

// sahat/hackathon-starter's controllers/ai.js aborted ESLint ("Fix objects must not be
// overlapped in a report"): the second hoist renames `client` inside the try/finally that the same
// fix unwraps. The rename is now made in the unwrapped text.
ruleTester.run('no-per-request-client', rule, {
  valid: [],
  invalid: [
    {
      code: `const { MongoClient } = require('mongodb');

exports.getA = async (req, res) => {
  const client = new MongoClient(process.env.MONGODB_URI);
  try {
    await client.connect();
    const docs = await client.db('x').collection('a').find().toArray();
    res.json(docs);
  } finally {
    await client.close();
  }
};

exports.getB = async (req, res) => {
  const client = new MongoClient(process.env.MONGODB_URI);
  try {
    await client.connect();
    res.json(await client.db('x').collection('b').find().toArray());
  } finally {
    await client.close();
  }
};
`,
      output: `const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGODB_URI);

exports.getA = async (req, res) => {
  await client.connect();
  const docs = await client.db('x').collection('a').find().toArray();
  res.json(docs);
};

const sharedClient = new MongoClient(process.env.MONGODB_URI);

exports.getB = async (req, res) => {
  await sharedClient.connect();
  res.json(await sharedClient.db('x').collection('b').find().toArray());
};
`,
      errors: [
        { messageId: 'perRequestClient', line: 4, column: 18, endLine: 4, endColumn: 58 },
        { messageId: 'perRequestClient', line: 15, column: 18, endLine: 15, endColumn: 58 },
      ],
      name: 'two CommonJS handlers, each with `client` closed in a finally: the second is renamed inside the unwrapped try',
    },
    {
      filename: 'app/api/a/route.js',
      code: `import { MongoClient } from 'mongodb';
const client = 'taken';

export async function GET(request) {
  const client = new MongoClient(process.env.MONGODB_URI);
  try {
    return Response.json(await client.db().collection('a').findOne());
  } catch (error) {
    return Response.json({ error: String(error) }, { status: 500 });
  } finally {
    await client.close();
  }
}
`,
      output: `import { MongoClient } from 'mongodb';
const client = 'taken';

const sharedClient = new MongoClient(process.env.MONGODB_URI);

export async function GET(request) {
  try {
    return Response.json(await sharedClient.db().collection('a').findOne());
  } catch (error) {
    return Response.json({ error: String(error) }, { status: 500 });
  }
}
`,
      errors: [{ messageId: 'perRequestClient', line: 5, column: 18, endLine: 5, endColumn: 58 }],
      name: 'a renamed client whose try also has a catch: the rename reaches the try body, the close goes',
    },
  ],
});
