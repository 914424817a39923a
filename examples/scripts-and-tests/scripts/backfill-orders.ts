import { MongoClient } from 'mongodb';

// Incorrect (require-client-close): main() never closes the client, so the script prints "done"
// and then hangs on the open connection pool.
async function main() {
  const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://localhost:27017');
  const orders = mongo.db('shop').collection('orders');
  const { modifiedCount } = await orders.updateMany({ currency: { $exists: false } }, { $set: { currency: 'EUR' } });
  console.log(`done: ${modifiedCount} orders`);
}

void main();
