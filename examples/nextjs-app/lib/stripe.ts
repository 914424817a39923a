import Stripe from 'stripe';

// Correct: one configured client, shared by every action and route.
export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
