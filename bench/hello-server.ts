// Child process of bench/pages.bench.ts: the Fastify hello-world ceiling on this machine (same Node, same
// Fastify), one process like the application server.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('hello ready');
