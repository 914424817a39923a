import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

interface Customer {
  email: string;
  name: string;
}

// Correct: one client, exported for the app's shutdown hook and reused for every message.
export const ses = new SESv2Client({ region: process.env.AWS_REGION });

export async function sendReceipts(customers: Customer[]) {
  for (const customer of customers) {
    await ses.send(new SendEmailCommand(message(customer, 'Your receipt')));
  }
}

// Incorrect (no-per-request-client): a new client, with its own connection pool, for each customer
// in the loop.
export async function sendReminders(customers: Customer[]) {
  for (const customer of customers) {
    const client = new SESv2Client({ region: process.env.AWS_REGION });
    await client.send(new SendEmailCommand(message(customer, 'Your cart is waiting')));
  }
}

function message(customer: Customer, subject: string) {
  return {
    FromEmailAddress: 'shop@example.com',
    Destination: { ToAddresses: [customer.email] },
    Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: `Hello ${customer.name}` } } } },
  };
}
