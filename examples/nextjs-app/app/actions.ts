'use server';

import Stripe from 'stripe';
import { stripe } from '@/lib/stripe';

// Incorrect (no-per-request-client): a server action runs once per form submission; it builds the
// same Stripe client every time.
export async function startCheckout(formData: FormData) {
  const client = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
  const session = await client.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: String(formData.get('price')), quantity: 1 }],
    success_url: 'https://shop.example/thanks',
  });
  return session.url;
}

// Correct: the shared client from lib/stripe.ts.
export async function refund(formData: FormData) {
  await stripe.refunds.create({ payment_intent: String(formData.get('paymentIntent')) });
}
