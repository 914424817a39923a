import { prisma } from '@/lib/prisma';

// Correct: a server component renders per request and uses the shared client.
export default async function Home() {
  const posts = await prisma.post.findMany({ take: 10, orderBy: { createdAt: 'desc' } });
  return (
    <ul>
      {posts.map((post) => (
        <li key={post.id}>{post.title}</li>
      ))}
    </ul>
  );
}
